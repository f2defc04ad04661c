// Offers of the catalog and the service families they belong to. A plan change is
// only possible between offers of the same family.
#pragma once
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

inline Money tax_amount(const Offer& o) {
    return {apply_rate(o.monthly_price.amount_minor, o.tax_rate_bp), o.monthly_price.currency};
}
inline Money price_with_tax(const Offer& o) {
    return {o.monthly_price.amount_minor + tax_amount(o).amount_minor, o.monthly_price.currency};
}

} // namespace isp
