// Changing a contract's offer (process map P9): the same rule for upgrades and
// downgrades, run by the portal to preview (direction, monthly difference, refusals)
// and by the server before it writes. The target offer decides the direction; the
// chosen date becomes the contract's effective start date for the new offer.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "shared/domain/contract.h"
#include "shared/domain/date.h"
#include "shared/domain/field_error.h"
#include "shared/domain/offer.h"
#include "shared/domain/scheduled_change.h"

namespace isp {

enum class PlanDirection { Upgrade, Downgrade };

std::string_view to_string(PlanDirection direction); // "upgrade", "downgrade"

// A plan change as made, or as scheduled when dated later: the contract as it is now, the
// offers it moves between.
struct PlanChange {
    Contract contract; // as it is now (still on previous_offer when scheduled)
    Offer previous_offer;
    Offer offer;
    PlanDirection direction = PlanDirection::Upgrade;
    Money monthly_difference;
    std::optional<ScheduledChange> scheduled; // set when the change waits for its date
};

// Upgrade when the target's monthly price before tax is higher, else downgrade (an
// offer at the same price is a downgrade: nothing more to pay).
PlanDirection plan_change_direction(const Offer& current, const Offer& target);

// Target minus current, monthly, before tax; negative for a downgrade that saves money.
Money monthly_difference(const Offer& current, const Offer& target);

// An offer `candidate` the contract on `current` may move to: same family, active, another offer.
bool is_eligible_target(const Offer& current, const Offer& candidate);

// Latest effective date accepted, counted from today (as for a new subscription).
inline constexpr int max_effective_days_ahead = 90;

// Field errors (codes in shared/signup/messages.cpp), empty when the change is allowed:
//   contract_id          contract_not_active   the contract is suspended or terminated
//   target_offer_id      required, unknown_offer, offer_inactive, same_offer, different_family
//   contract_start_date  required, invalid_date, start_date_in_past, start_date_too_far,
//                        effective_before_start (before the contract's current start)
// `target` is the offer named by the request, or nullptr when there is none.
FieldErrors check_plan_change(const Contract& contract, const Offer& current, const Offer* target,
                              std::string_view effective_date, const Date& today, Language language);

} // namespace isp
