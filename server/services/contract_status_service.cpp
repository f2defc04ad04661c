#include "server/services/contract_status_service.h"

#include <nlohmann/json.hpp>

#include "server/clock/clock.h"
#include "server/security/random_id.h"
#include "server/services/contract_records.h"
#include "server/services/event_outbox.h"
#include "server/services/failure.h"
#include "server/services/service_context.h"
#include "server/store/contract_store.h"
#include "server/store/database.h"
#include "server/store/dunning_store.h"
#include "server/store/scheduled_change_store.h"
#include "shared/domain/contract_lifecycle.h"
#include "shared/signup/messages.h"

namespace isp::services {
namespace {

constexpr Language status_change_language = Language::English;
constexpr const char* system_actor = "system";

[[noreturn]] void refuse_status_change(FieldErrors errors) {
    throw Failure(FailureKind::Invalid, "validation_failed", "The status change has invalid fields; see errors.",
                  std::move(errors));
}

std::string status_text(ContractStatus s) {
    return std::string{to_string(s)};
}

void require_transition(ContractStatus from, ContractStatus to, const char* when) {
    if (!status_transition_allowed(from, to))
        throw Failure(FailureKind::Conflict, "invalid_status_transition",
                      "A " + status_text(from) + " contract cannot become " + status_text(to) + when +
                          ": allowed are active <-> suspended and active or suspended -> terminated.");
}

// The change itself, now: status, period, audit, event.
void make_status_change(store::Connection& c, Contract& contract, ContractStatus status, const Date& effective,
                        const std::string& reason, const std::string& actor, const std::string& now,
                        const std::string& change_id = {}) {
    const ContractStatus previous = contract.status;
    contract.status = status;
    store::update_contract_status(c, contract.contract_id, status, now);
    store::record_status_period(c, contract.contract_id, status, effective, now);
    nlohmann::json after = {
        {"status", status_text(status)}, {"effective_date", effective.to_iso()}, {"reason", reason}};
    if (!change_id.empty())
        after["change_id"] = change_id;
    store::append_contract_audit(c, {contract.contract_id, now, actor, "status_changed",
                                     nlohmann::json{{"status", status_text(previous)}}.dump(), after.dump()});
    after["previous_status"] = status_text(previous);
    record_contract_event(c, "contract.status_changed", contract, after, now);
}

nlohmann::json change_json(const ScheduledChange& s) {
    return {{"change_id", s.change_id},
            {"status", status_text(s.status)},
            {"effective_date", s.effective_date.to_iso()},
            {"reason", s.reason}};
}

Contract find_or_404(store::Connection& c, const std::string& contract_id) {
    auto contract = store::find_contract(c, contract_id);
    if (!contract)
        throw Failure(FailureKind::NotFound, "contract_not_found", "No contract " + contract_id + ".");
    return *contract;
}

} // namespace

StatusChangeOutcome change_contract_status(ServiceContext& context, const std::string& contract_id,
                                           const StatusChangeRequest& r, const std::string& actor) {
    const std::string now = context.clock.now_iso();
    const Date today = context.clock.today_utc();
    const Date effective = r.effective_date.value_or(today);
    return context.db.write([&](store::Connection& c) {
        Contract contract = find_or_404(c, contract_id);
        const auto pending = store::list_pending_changes(c, contract_id);
        // The history only grows forward: an earlier date would silently erase the later
        // periods billing may already have invoiced.
        const auto periods = store::list_status_periods(c, contract_id);
        if (!periods.empty() && effective < periods.back().effective_from)
            refuse_status_change(
                {field_error("effective_date", "effective_before_last_change", status_change_language)});

        if (effective <= today) {
            if (!pending.empty())
                throw Failure(FailureKind::Conflict, "scheduled_change_pending",
                              "This contract has a change scheduled (" + status_text(pending.front().status) +
                                  " from " + pending.front().effective_date.to_iso() + ", " +
                                  pending.front().change_id + "): cancel it before changing the status today.");
            require_transition(contract.status, r.status, "");
            make_status_change(c, contract, r.status, effective, r.reason, actor, now);
            return StatusChangeOutcome{contract, std::nullopt};
        }

        // Later: checked against the status the contract will have by then.
        if (!pending.empty() && !(pending.back().effective_date < effective))
            refuse_status_change(
                {field_error("effective_date", "effective_before_scheduled_change", status_change_language)});
        const ContractStatus then = pending.empty() ? contract.status : pending.back().status;
        require_transition(then, r.status, pending.empty() ? "" : " after its scheduled change");
        ScheduledChange change{security::new_id("chg_", 10), contract_id, r.status, effective, r.reason, actor, now};
        store::insert_scheduled_change(c, change);
        store::append_contract_audit(c, {contract_id, now, actor, "status_change_scheduled",
                                         nlohmann::json{{"status", status_text(then)}}.dump(),
                                         change_json(change).dump()});
        record_contract_event(c, "contract.change_scheduled", contract, change_json(change), now);
        return StatusChangeOutcome{contract, change};
    });
}

ContractDetail cancel_scheduled_change(ServiceContext& context, const std::string& contract_id,
                                       const std::string& change_id, const std::string& actor) {
    const std::string now = context.clock.now_iso();
    return context.db.write([&](store::Connection& c) {
        const Contract contract = find_or_404(c, contract_id);
        const auto change = store::find_pending_change(c, change_id);
        if (!change || change->contract_id != contract_id)
            throw Failure(FailureKind::NotFound, "scheduled_change_not_found",
                          "No pending change " + change_id + " on contract " + contract_id +
                              " (it may have been carried out or cancelled already).");
        // What is left must still be a valid sequence of moves.
        ContractStatus status = contract.status;
        for (const ScheduledChange& later : store::list_pending_changes(c, contract_id)) {
            if (later.change_id == change_id)
                continue;
            if (!status_transition_allowed(status, later.status))
                throw Failure(FailureKind::Conflict, "scheduled_change_needed",
                              "The change " + later.change_id + " (" + status_text(later.status) + " from " +
                                  later.effective_date.to_iso() + ") depends on this one: cancel it first.");
            status = later.status;
        }
        store::settle_scheduled_change(c, change_id, "cancelled", now, actor);
        store::append_contract_audit(
            c, {contract_id, now, actor, "scheduled_change_cancelled", change_json(*change).dump(), std::nullopt});
        record_contract_event(c, "contract.change_cancelled", contract, change_json(*change), now);
        return contract_detail(c, contract);
    });
}

bool change_status_as_system(store::Connection& c, const std::string& contract_id, ContractStatus status,
                             const std::string& reason, const Date& today, const std::string& now) {
    auto contract = store::find_contract(c, contract_id);
    if (!contract || !status_transition_allowed(contract->status, status))
        return false;
    make_status_change(c, *contract, status, today, reason, system_actor, now);
    return true;
}

int carry_out_due_changes(ServiceContext& context) {
    int made = 0;
    for (;;) {
        const Date today = context.clock.today_utc();
        const auto due = context.db.read([&](store::Connection& c) { return store::list_due_changes(c, today, 100); });
        if (due.empty())
            return made;
        for (const ScheduledChange& change : due) {
            const std::string now = context.clock.now_iso();
            made += context.db.write([&](store::Connection& c) {
                // Another caller may have made or cancelled it since it was read: the state
                // moves once, in this transaction.
                if (!store::find_pending_change(c, change.change_id))
                    return 0;
                auto contract = store::find_contract(c, change.contract_id);
                const bool held_for_debt = change.status == ContractStatus::Active &&
                                           store::under_non_payment_suspension(c, change.contract_id);
                if (!contract || held_for_debt || !status_transition_allowed(contract->status, change.status)) {
                    // Scheduling and cancelling keep the sequence valid, so this is a
                    // contract changed some other way: the change is dropped, and said so.
                    store::settle_scheduled_change(c, change.change_id, "cancelled", now, system_actor);
                    if (contract)
                        store::append_contract_audit(
                            c, {change.contract_id, now, system_actor, "scheduled_change_dropped",
                                change_json(change).dump(),
                                nlohmann::json{{"status", status_text(contract->status)}}.dump()});
                    return 0;
                }
                store::settle_scheduled_change(c, change.change_id, "carried_out", now, system_actor);
                make_status_change(c, *contract, change.status, change.effective_date, change.reason, system_actor, now,
                                   change.change_id);
                return 1;
            });
        }
    }
}

} // namespace isp::services
