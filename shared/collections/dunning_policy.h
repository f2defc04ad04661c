// Dunning: what the server does, unasked, about an invoice left unpaid (issue #15). The
// operator's policy says on which days after the due date a reminder is sent and the
// contract is suspended; these rules say, for one case on one day, which steps are due.
// Pure rules, no clock and no storage: services/dunning.h carries them out.
#pragma once
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace isp {

struct DunningPolicy {
    // Days after the due date during which an unpaid invoice is not chased: no collection
    // case, no step. Every step's day must come after them.
    int grace_days = 0;
    std::vector<int> reminder_days = {3, 5, 7}; // reminder n is sent on reminder_days[n-1]
    std::optional<int> suspension_day = 15;     // none: never suspended for non-payment
    bool resume_on_payment = true;              // a suspension for non-payment ends once the debt is paid
};

// Why the policy cannot be used (days not increasing, a step inside the grace days, ...),
// in words for the administrator; nullopt when it is fine.
std::optional<std::string> check_dunning_policy(const DunningPolicy& policy);

// "3,5,7" <-> {3, 5, 7}; "" is no reminder. nullopt for anything that is not a list of
// whole numbers from 1 to 365.
std::optional<std::vector<int>> parse_reminder_days(std::string_view text);
std::string reminder_days_text(const std::vector<int>& days);

enum class DunningStepKind { Reminder, Suspension };

struct DunningStep {
    DunningStepKind kind = DunningStepKind::Reminder;
    int number = 0; // a reminder's, from 1; 0 for the suspension
    int day = 0;    // days after the due date
    // Its name on the case's timeline, unique per case: "reminder_1", ..., "suspension".
    std::string name() const;
};

// The policy's steps, by day.
std::vector<DunningStep> dunning_steps(const DunningPolicy& policy);

// For a case `days_past_due` days after its invoice's due date, of which the steps named in
// `settled` were already done or skipped: what to do today. Of several steps due at once
// (the server was stopped, or the policy changed), only the last is carried out and the
// others are skipped: a customer gets one reminder, not three in a row, and none once the
// contract is suspended.
struct DunningPlan {
    std::optional<DunningStep> carry_out;
    std::vector<DunningStep> skip;
};
DunningPlan plan_dunning(const DunningPolicy& policy, int days_past_due, const std::set<std::string>& settled);

} // namespace isp
