// The early termination amount: what a customer owes for cancelling a contract before the
// end of its commitment. One function, run by the portal to show the amount before the
// customer confirms and by the server when it records the cancellation, so both say the
// same figure. The operator picks the rule (`--early-termination-rule`):
//   remaining-months  (default) the whole months left of the commitment, from the
//                     termination date to the commitment's end, times the current monthly
//                     price before tax
//   none              nothing, ever
//   fixed:AMOUNT      AMOUNT minor units (in the offer's currency) when the termination is
//                     before the commitment's end, nothing after
// Nothing is owed once the commitment is over, or without commitment. Integer minor units.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "shared/domain/date.h"
#include "shared/domain/money.h"

namespace isp {

struct EarlyTerminationRule {
    enum class Kind { RemainingMonths, None, Fixed };
    Kind kind = Kind::RemainingMonths;
    std::int64_t fixed_minor = 0; // Kind::Fixed
    bool operator==(const EarlyTerminationRule&) const = default;
};

// "remaining-months", "none", "fixed:15000" (a whole number of minor units >= 0); nullopt
// otherwise.
std::optional<EarlyTerminationRule> parse_early_termination_rule(std::string_view text);
std::string to_string(const EarlyTerminationRule& rule);

// Whole months from `termination` (the first day terminated) to the end of the commitment
// (`commitment_end`, its last day): the months m with termination + m months still within
// the commitment (<= commitment_end + 1 day). 0 when the termination is after the end.
int remaining_whole_months(const Date& termination, const Date& commitment_end);

// The amount owed for a termination on `termination` of a contract whose commitment ends
// on `commitment_end` (nullopt: none) at `monthly_price` (before tax).
Money early_termination_amount(const EarlyTerminationRule& rule, const Date& termination,
                               const std::optional<Date>& commitment_end, const Money& monthly_price);

} // namespace isp
