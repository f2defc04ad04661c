#include "server/services/dunning.h"

#include <stdexcept>

#include <nlohmann/json.hpp>

#include "server/clock/clock.h"
#include "server/config/server_config.h"
#include "server/services/collection_cases.h"
#include "server/services/contract_status_service.h"
#include "server/services/event_outbox.h"
#include "server/services/service_context.h"
#include "server/store/collection_store.h"
#include "server/store/contract_store.h"
#include "server/store/database.h"
#include "server/store/dunning_store.h"
#include "shared/domain/money.h"

namespace isp::services {
namespace {

constexpr const char* dunning_actor = "system";
constexpr const char* non_payment_reason = "non-payment";
constexpr const char* debt_paid_reason = "non-payment debt paid";

// Steps' notes are written in English, like the server's other records for staff.
std::string reminder_note(const store::DunningCase& d, const DunningStep& step, std::size_t of, int days) {
    return "Reminder " + std::to_string(step.number) + " of " + std::to_string(of) + " sent: invoice " +
           d.invoice_number + " unpaid " + std::to_string(days) + " days after its due date (" + d.due_date.to_iso() +
           "), " + format_money(Money{d.outstanding_minor, d.currency}, Language::English) + " outstanding.";
}

std::string skipped_note(const DunningStep& step, const std::optional<DunningStep>& instead) {
    const std::string what = step.kind == DunningStepKind::Suspension ? std::string("Suspension")
                                                                      : "Reminder " + std::to_string(step.number);
    return what + " (day " + std::to_string(step.day) + ") skipped: " +
           (instead ? "the " + instead->name() + " step was due the same day, and only the last is carried out."
                    : "the contract was suspended already.");
}

// One case's steps for today, in its own transaction; what it did.
DunningOutcome step_case(ServiceContext& context, const std::string& case_id) {
    const DunningPolicy& policy = context.config.dunning;
    const Date today = context.clock.today_utc();
    const std::string now = context.clock.now_iso();
    return context.db.write([&](store::Connection& c) {
        DunningOutcome done;
        // Read again inside the transaction: paid, closed or promised since the list was read.
        const auto d = store::find_dunning_case(c, case_id);
        if (!d)
            return done;
        const int days = static_cast<int>(days_between(d->due_date, today));
        const DunningPlan plan = plan_dunning(policy, days, d->settled_steps);
        for (const DunningStep& step : plan.skip)
            if (store::record_dunning_step(
                    c, {0, case_id, CollectionActionKind::Note, skipped_note(step, plan.carry_out), dunning_actor, now},
                    step.name()))
                ++done.skipped;
        if (!plan.carry_out)
            return done;
        const DunningStep& step = *plan.carry_out;
        const auto contract = store::find_contract(c, d->contract_id);
        if (step.kind == DunningStepKind::Reminder) {
            const std::string note = reminder_note(*d, step, policy.reminder_days.size(), days);
            if (!store::record_dunning_step(c, {0, case_id, CollectionActionKind::Reminder, note, dunning_actor, now},
                                            step.name()))
                return done;
            if (contract)
                record_contract_event(
                    c, "invoice.reminder", *contract,
                    {{"invoice_id", d->invoice_id},
                     {"invoice_number", d->invoice_number},
                     {"case_id", case_id},
                     {"reminder", step.number},
                     {"reminders", policy.reminder_days.size()},
                     {"due_date", d->due_date.to_iso()},
                     {"days_past_due", days},
                     {"outstanding", {{"amount_minor", d->outstanding_minor}, {"currency", d->currency}}}},
                    now);
            ++done.reminders;
            return done;
        }
        // The suspension: the step is recorded whatever the contract's status, so that it is
        // not tried again every minute; the note says what happened.
        const bool suspended = contract && change_status_as_system(c, d->contract_id, ContractStatus::Suspended,
                                                                   non_payment_reason, today, now);
        const std::string note =
            suspended
                ? "Contract " + d->contract_id + " suspended for non-payment of invoice " + d->invoice_number + " (" +
                      std::to_string(days) + " days after its due date); paying the overdue balance " + "resumes it."
                : "Suspension for non-payment not made: contract " + d->contract_id + " is " +
                      (contract ? std::string(to_string(contract->status)) : std::string("gone")) + ".";
        if (!store::record_dunning_step(c,
                                        {0, case_id,
                                         suspended ? CollectionActionKind::Suspension : CollectionActionKind::Note,
                                         note, dunning_actor, now},
                                        step.name()))
            throw std::logic_error("dunning step recorded twice in one transaction"); // rolls the change back
        if (suspended) {
            // A contract already suspended by the customer's request is not the dunning's
            // to resume: only the ones it suspended are remembered.
            store::record_non_payment_suspension(c, d->contract_id, case_id, today);
            ++done.suspensions;
        }
        return done;
    });
}

// Resumes `contract_id` when the dunning suspended it and nothing it owes is past due; the
// suspension records end either way once the debt is paid (a contract staff resumed or
// terminated meanwhile is left as it is).
bool resume_contract(store::Connection& c, const std::string& contract_id, const Date& today, const std::string& now) {
    const auto cases = store::non_payment_suspension_cases(c, contract_id);
    if (cases.empty() || store::has_overdue_debt(c, contract_id, today))
        return false;
    const bool resumed = change_status_as_system(c, contract_id, ContractStatus::Active, debt_paid_reason, today, now);
    const auto contract = store::find_contract(c, contract_id);
    const std::string note = resumed ? "Overdue balance paid: contract " + contract_id + " resumed."
                                     : "Overdue balance paid; contract " + contract_id + " is " +
                                           (contract ? std::string(to_string(contract->status)) : std::string("gone")) +
                                           ", so there was nothing to resume.";
    for (const std::string& case_id : cases)
        store::record_dunning_step(
            c,
            {0, case_id, resumed ? CollectionActionKind::Resume : CollectionActionKind::Note, note, dunning_actor, now},
            "resume");
    store::end_non_payment_suspensions(c, contract_id, today);
    return resumed;
}

} // namespace

bool resume_when_debt_paid(store::Connection& c, const DunningPolicy& policy, const std::string& contract_id,
                           const Date& today, const std::string& now) {
    if (!policy.resume_on_payment)
        return false;
    return !contract_id.empty() && resume_contract(c, contract_id, today, now);
}

DunningOutcome carry_out_dunning(ServiceContext& context) {
    DunningOutcome outcome;
    const DunningPolicy& policy = context.config.dunning;
    const Date today = context.clock.today_utc();
    open_overdue_cases(context);
    const auto steps = dunning_steps(policy);
    if (!steps.empty()) {
        const auto cases = context.db.read(
            [&](store::Connection& c) { return store::list_dunning_cases(c, today.plus_days(-steps.front().day)); });
        for (const store::DunningCase& d : cases) {
            const int days = static_cast<int>(days_between(d.due_date, today));
            const DunningPlan plan = plan_dunning(policy, days, d.settled_steps);
            if (!plan.carry_out && plan.skip.empty())
                continue;
            const DunningOutcome one = step_case(context, d.case_id);
            outcome.reminders += one.reminders;
            outcome.suspensions += one.suspensions;
            outcome.skipped += one.skipped;
        }
    }
    if (policy.resume_on_payment) {
        const auto contracts =
            context.db.read([&](store::Connection& c) { return store::contracts_to_resume(c, today); });
        for (const std::string& contract_id : contracts)
            outcome.resumes += context.db.write([&](store::Connection& c) {
                return resume_contract(c, contract_id, today, context.clock.now_iso()) ? 1 : 0;
            });
    }
    return outcome;
}

} // namespace isp::services
