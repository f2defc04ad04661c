#include "shared/billing/early_termination.h"

#include <charconv>

namespace isp {

std::optional<EarlyTerminationRule> parse_early_termination_rule(std::string_view text) {
    if (text == "remaining-months")
        return EarlyTerminationRule{EarlyTerminationRule::Kind::RemainingMonths, 0};
    if (text == "none")
        return EarlyTerminationRule{EarlyTerminationRule::Kind::None, 0};
    constexpr std::string_view fixed = "fixed:";
    if (text.substr(0, fixed.size()) != fixed)
        return std::nullopt;
    const std::string_view digits = text.substr(fixed.size());
    if (digits.empty() || digits.size() > 12)
        return std::nullopt;
    std::int64_t amount = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), amount);
    if (error != std::errc{} || end != digits.data() + digits.size() || amount < 0)
        return std::nullopt;
    return EarlyTerminationRule{EarlyTerminationRule::Kind::Fixed, amount};
}

std::string to_string(const EarlyTerminationRule& rule) {
    switch (rule.kind) {
    case EarlyTerminationRule::Kind::RemainingMonths: return "remaining-months";
    case EarlyTerminationRule::Kind::None: return "none";
    case EarlyTerminationRule::Kind::Fixed: return "fixed:" + std::to_string(rule.fixed_minor);
    }
    return "remaining-months";
}

int remaining_whole_months(const Date& termination, const Date& commitment_end) {
    const Date after_end = commitment_end.plus_days(1);
    int months = 0;
    // A commitment is at most a few years: counting up is clear and cheap.
    while (months < 1200 && !(after_end < termination.plus_months(months + 1)))
        ++months;
    return months;
}

Money early_termination_amount(const EarlyTerminationRule& rule, const Date& termination,
                               const std::optional<Date>& commitment_end, const Money& monthly_price) {
    Money owed{0, monthly_price.currency};
    if (!commitment_end || *commitment_end < termination)
        return owed;
    switch (rule.kind) {
    case EarlyTerminationRule::Kind::RemainingMonths:
        owed.amount_minor = remaining_whole_months(termination, *commitment_end) * monthly_price.amount_minor;
        break;
    case EarlyTerminationRule::Kind::None: break;
    case EarlyTerminationRule::Kind::Fixed: owed.amount_minor = rule.fixed_minor; break;
    }
    return owed;
}

} // namespace isp
