#include "shared/billing/plan_change.h"

#include "shared/domain/text.h"
#include "shared/signup/messages.h"

namespace isp {

std::string_view to_string(PlanDirection direction) {
    return direction == PlanDirection::Upgrade ? "upgrade" : "downgrade";
}

PlanDirection plan_change_direction(const Offer& current, const Offer& target) {
    return target.monthly_price.amount_minor > current.monthly_price.amount_minor ? PlanDirection::Upgrade
                                                                                  : PlanDirection::Downgrade;
}

Money monthly_difference(const Offer& current, const Offer& target) {
    return {target.monthly_price.amount_minor - current.monthly_price.amount_minor, target.monthly_price.currency};
}

bool is_eligible_target(const Offer& current, const Offer& candidate) {
    return candidate.active && candidate.family == current.family && candidate.offer_id != current.offer_id;
}

FieldErrors check_plan_change(const Contract& contract, const Offer& current, const Offer* target,
                              std::string_view effective_date, const Date& today, Language lang) {
    FieldErrors errors;
    if (contract.status != ContractStatus::Active)
        errors.push_back(field_error("contract_id", "contract_not_active", lang));

    if (!target)
        errors.push_back(field_error("target_offer_id", "unknown_offer", lang));
    else if (target->offer_id == current.offer_id)
        errors.push_back(field_error("target_offer_id", "same_offer", lang));
    else if (target->family != current.family)
        errors.push_back(field_error("target_offer_id", "different_family", lang));
    else if (!target->active)
        errors.push_back(field_error("target_offer_id", "offer_inactive", lang));

    const std::string_view text = trim(effective_date);
    if (text.empty()) {
        errors.push_back(field_error("contract_start_date", "required", lang));
    } else if (const auto d = parse_iso_date(text); !d) {
        errors.push_back(field_error("contract_start_date", "invalid_date", lang));
    } else if (*d < today) {
        errors.push_back(field_error("contract_start_date", "start_date_in_past", lang));
    } else if (days_between(today, *d) > max_effective_days_ahead) {
        errors.push_back(field_error("contract_start_date", "start_date_too_far", lang));
    } else if (*d < contract.contract_start_date) {
        // A contract that has not started yet cannot change offer before it starts.
        errors.push_back(field_error("contract_start_date", "effective_before_start", lang));
    }
    return errors;
}

} // namespace isp
