// Dunning (issue #15): the server chasing an unpaid invoice by itself, on the days the
// operator's policy names (shared/collections/dunning_policy.h, flags --dunning-*).
//
// Each step is recorded on the invoice's collection case with actor "system", in one
// transaction with what it does: a reminder is an `invoice.reminder` event (the outbox's
// deliverers turn it into an e-mail or a webhook); the suspension suspends the contract
// (its `contract.status_changed` event, reason "non-payment") and remembers it was for
// debt. A step is made once (its name is unique per case), skipped when the invoice was
// paid, the case closed or a promise to pay holds it. A contract suspended for debt is
// resumed, dated the day the debt is paid, when nothing it owes is past due any more: in
// the payment's own transaction, and by the scheduler for payments recorded otherwise.
#pragma once
#include <string>

#include "shared/collections/dunning_policy.h"
#include "shared/domain/date.h"

namespace isp::store {
class Connection;
}

namespace isp::services {
struct ServiceContext;

struct DunningOutcome {
    int reminders = 0;
    int suspensions = 0;
    int skipped = 0;
    int resumes = 0;
    int total() const { return reminders + suspensions + skipped + resumes; }
};

// Everything due today (the clock's), each case in its own transaction. Safe to run from
// several threads and again after a crash: a step is made once.
DunningOutcome carry_out_dunning(ServiceContext& context);

// Inside a payment's transaction: when `contract_id` (the paid invoice's) is suspended for
// non-payment and nothing it owes is past due any more, resumes it (if the policy says so).
// True when it was resumed.
bool resume_when_debt_paid(store::Connection& c, const DunningPolicy& policy, const std::string& contract_id,
                           const Date& today, const std::string& now);

} // namespace isp::services
