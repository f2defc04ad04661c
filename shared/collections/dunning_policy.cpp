#include "shared/collections/dunning_policy.h"

#include <algorithm>
#include <charconv>

namespace isp {

namespace {
constexpr int max_dunning_day = 365;
}

std::optional<std::string> check_dunning_policy(const DunningPolicy& p) {
    if (p.grace_days < 0 || p.grace_days > max_dunning_day)
        return "dunning-grace-days must be from 0 to 365";
    int previous = p.grace_days;
    for (const int day : p.reminder_days) {
        if (day <= previous)
            return day <= p.grace_days
                       ? "each of dunning-reminder-days must come after dunning-grace-days (" +
                             std::to_string(p.grace_days) + ")"
                       : "dunning-reminder-days must increase (" + reminder_days_text(p.reminder_days) + ")";
        previous = day;
    }
    if (p.suspension_day) {
        if (*p.suspension_day > max_dunning_day)
            return "dunning-suspension-day must be at most 365 (0: never suspend)";
        if (*p.suspension_day <= p.grace_days)
            return "dunning-suspension-day must come after dunning-grace-days (" + std::to_string(p.grace_days) + ")";
        if (!p.reminder_days.empty() && *p.suspension_day <= p.reminder_days.back())
            return "dunning-suspension-day must come after the last of dunning-reminder-days (" +
                   std::to_string(p.reminder_days.back()) + ")";
    }
    return std::nullopt;
}

std::optional<std::vector<int>> parse_reminder_days(std::string_view text) {
    std::vector<int> days;
    if (text.empty())
        return days;
    for (;;) {
        const auto comma = text.find(',');
        const std::string_view item = text.substr(0, comma);
        int day = 0;
        const auto [end, error] = std::from_chars(item.data(), item.data() + item.size(), day);
        if (item.empty() || error != std::errc() || end != item.data() + item.size() || day < 1 ||
            day > max_dunning_day)
            return std::nullopt;
        days.push_back(day);
        if (comma == std::string_view::npos)
            return days;
        text.remove_prefix(comma + 1);
    }
}

std::string reminder_days_text(const std::vector<int>& days) {
    std::string text;
    for (const int day : days)
        text += (text.empty() ? "" : ",") + std::to_string(day);
    return text;
}

std::string DunningStep::name() const {
    return kind == DunningStepKind::Suspension ? "suspension" : "reminder_" + std::to_string(number);
}

std::vector<DunningStep> dunning_steps(const DunningPolicy& policy) {
    std::vector<DunningStep> steps;
    for (std::size_t i = 0; i < policy.reminder_days.size(); ++i)
        steps.push_back({DunningStepKind::Reminder, static_cast<int>(i) + 1, policy.reminder_days[i]});
    if (policy.suspension_day)
        steps.push_back({DunningStepKind::Suspension, 0, *policy.suspension_day});
    std::stable_sort(steps.begin(), steps.end(),
                     [](const DunningStep& a, const DunningStep& b) { return a.day < b.day; });
    return steps;
}

DunningPlan plan_dunning(const DunningPolicy& policy, int days_past_due, const std::set<std::string>& settled) {
    DunningPlan plan;
    if (days_past_due <= policy.grace_days)
        return plan;
    std::vector<DunningStep> due;
    bool suspension_settled = false;
    for (const DunningStep& step : dunning_steps(policy)) {
        const bool done = settled.count(step.name()) > 0;
        if (step.kind == DunningStepKind::Suspension && done)
            suspension_settled = true;
        if (step.day <= days_past_due && !done)
            due.push_back(step);
    }
    if (due.empty())
        return plan;
    // Once the suspension step is behind, a reminder left over is only skipped.
    if (!suspension_settled)
        plan.carry_out = due.back();
    plan.skip.assign(due.begin(), suspension_settled ? due.end() : due.end() - 1);
    return plan;
}

} // namespace isp
