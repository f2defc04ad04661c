#include "shared/domain/offer.h"

namespace isp {

std::string_view to_string(ServiceFamily family) {
    switch (family) {
    case ServiceFamily::Mobile: return "mobile";
    case ServiceFamily::Internet: return "internet";
    case ServiceFamily::Landline: return "landline";
    }
    return "mobile";
}

std::optional<ServiceFamily> parse_service_family(std::string_view text) {
    for (ServiceFamily f : all_service_families)
        if (to_string(f) == text)
            return f;
    return std::nullopt;
}

std::string_view family_label(ServiceFamily family, Language language) {
    const bool fr = language == Language::French;
    switch (family) {
    case ServiceFamily::Mobile: return "Mobile";
    case ServiceFamily::Internet: return fr ? "Internet" : "Internet";
    case ServiceFamily::Landline: return fr ? "T\u00e9l\u00e9phone fixe" : "Landline";
    }
    return "";
}

} // namespace isp
