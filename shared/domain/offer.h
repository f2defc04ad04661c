// Offers of the catalog and the service families they belong to. A plan change is
// only possible between offers of the same family.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "shared/domain/money.h"

namespace isp {

enum class ServiceFamily { Mobile, Internet, Landline };

inline constexpr ServiceFamily all_service_families[] = {ServiceFamily::Mobile, ServiceFamily::Internet,
                                                         ServiceFamily::Landline};

std::string_view to_string(ServiceFamily family); // "mobile", "internet", "landline"
std::optional<ServiceFamily> parse_service_family(std::string_view text);
std::string_view family_label(ServiceFamily family, Language language); // "Mobile", "Téléphone fixe"

struct Offer {
    std::string offer_id;
    ServiceFamily family = ServiceFamily::Mobile;
    std::string name;
    std::string description;
    Money monthly_price;            // before tax
    BasisPoints tax_rate_bp = 2000; // 20 % VAT
    int commitment_months = 0;      // minimum commitment a signup may choose
    bool active = true;
    bool operator==(const Offer&) const = default;
};

// What staff may write into an offer (POST and PUT /offers).
inline constexpr std::size_t max_offer_name_chars = 100;
inline constexpr std::size_t max_offer_description_chars = 1000;
inline constexpr std::int64_t max_offer_price_minor = 1'000'000'000'000; // 10 billion in major units

inline Money tax_amount(const Offer& o) {
    return {apply_rate(o.monthly_price.amount_minor, o.tax_rate_bp), o.monthly_price.currency};
}
inline Money price_with_tax(const Offer& o) {
    return {o.monthly_price.amount_minor + tax_amount(o).amount_minor, o.monthly_price.currency};
}

} // namespace isp
