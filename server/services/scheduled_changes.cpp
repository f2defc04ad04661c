#include "server/services/scheduled_changes.h"

#include <nlohmann/json.hpp>

#include "server/clock/clock.h"
#include "server/services/client_identity.h"
#include "server/services/contract_records.h"
#include "server/services/contract_status_service.h"
#include "server/services/event_outbox.h"
#include "server/services/failure.h"
#include "server/services/plan_change_service.h"
#include "server/services/service_context.h"
#include "server/store/cancellation_store.h"
#include "server/store/contract_store.h"
#include "server/store/database.h"
#include "server/store/dunning_store.h"
#include "server/store/scheduled_change_store.h"
#include "shared/domain/contract_lifecycle.h"
#include "shared/wire/problem_codes.h"

namespace isp::services {
namespace {

constexpr const char* scheduler_actor = "system";
constexpr const char* customer_actor = "landing";

// What the audit trail and the events say of a pending change.
nlohmann::json scheduled_change_json(const ScheduledChange& s) {
    nlohmann::json j = {{"change_id", s.change_id},
                        {"kind", std::string{to_string(s.kind)}},
                        {"effective_date", s.effective_date.to_iso()},
                        {"reason", s.reason}};
    if (s.kind == ScheduledChangeKind::Offer)
        j["offer_id"] = s.offer_id;
    else
        j["status"] = std::string{to_string(s.status)};
    return j;
}

ContractDetail cancel_pending(store::Connection& c, const Contract& contract, const ScheduledChange& change,
                              const std::string& actor, const std::string& now) {
    // What is left must still be a valid sequence of status moves.
    ContractStatus status = contract.status;
    for (const ScheduledChange& later : store::list_pending_changes(c, contract.contract_id)) {
        if (later.change_id == change.change_id || later.kind != ScheduledChangeKind::Status)
            continue;
        if (!status_transition_allowed(status, later.status))
            throw Failure(FailureKind::Conflict, "scheduled_change_needed",
                          "The change " + later.change_id + " (" + describe_scheduled_change(later) +
                              ") depends on this one: cancel it first.");
        status = later.status;
    }
    store::settle_scheduled_change(c, change.change_id, "cancelled", now, actor);
    store::withdraw_cancellation(c, change.change_id);
    store::append_contract_audit(c, {contract.contract_id, now, actor, "scheduled_change_cancelled",
                                     scheduled_change_json(change).dump(), std::nullopt});
    nlohmann::json told = scheduled_change_json(change);
    if (change.kind == ScheduledChangeKind::Offer)
        told["previous_offer_id"] = contract.offer_id;
    record_contract_event(c, "contract.change_cancelled", contract, std::move(told), now);
    return contract_detail(c, contract);
}

[[noreturn]] void refuse_unknown_change(const std::string& contract_id, const std::string& change_id) {
    throw Failure(FailureKind::NotFound, wire::problem::scheduled_change_not_found,
                  "No pending change " + change_id + " on contract " + contract_id +
                      " (it may have been carried out or cancelled already).");
}

// One due change, in its own transaction; 1 when it was made.
int carry_out(ServiceContext& context, const ScheduledChange& change) {
    const std::string now = context.clock.now_iso();
    return context.db.write([&](store::Connection& c) {
        // Another caller may have made or cancelled it since it was read: the state moves
        // once, in this transaction.
        if (!store::find_pending_change(c, change.change_id))
            return 0;
        auto contract = store::find_contract(c, change.contract_id);
        bool made = false;
        if (contract && change.kind == ScheduledChangeKind::Offer) {
            made = carry_out_offer_change(c, change, now, context.documents);
        } else if (contract) {
            const bool held_for_debt =
                change.status == ContractStatus::Active && store::under_non_payment_suspension(c, change.contract_id);
            if (!held_for_debt && status_transition_allowed(contract->status, change.status)) {
                make_status_change(c, *contract, change.status, change.effective_date, change.reason, scheduler_actor,
                                   now, change.change_id);
                made = true;
            }
        }
        if (!made) {
            // Scheduling and cancelling keep the sequence valid, so this is a contract
            // changed some other way: the change is dropped, and said so.
            store::settle_scheduled_change(c, change.change_id, "cancelled", now, scheduler_actor);
            store::withdraw_cancellation(c, change.change_id);
            if (contract)
                store::append_contract_audit(c, {change.contract_id, now, scheduler_actor, "scheduled_change_dropped",
                                                 scheduled_change_json(change).dump(),
                                                 nlohmann::json{{"status", std::string{to_string(contract->status)}},
                                                                {"offer_id", contract->offer_id}}
                                                     .dump()});
            return 0;
        }
        store::settle_scheduled_change(c, change.change_id, "carried_out", now, scheduler_actor);
        return 1;
    });
}

} // namespace

bool cancellable_by_customer(const ScheduledChange& change) {
    return change.requested_by == customer_actor;
}

ContractDetail cancel_scheduled_change(ServiceContext& context, const std::string& contract_id,
                                       const std::string& change_id, const std::string& actor) {
    const std::string now = context.clock.now_iso();
    return context.db.write([&](store::Connection& c) {
        const auto contract = store::find_contract(c, contract_id);
        if (!contract)
            throw Failure(FailureKind::NotFound, "contract_not_found", "No contract " + contract_id + ".");
        const auto change = store::find_pending_change(c, change_id);
        if (!change || change->contract_id != contract_id)
            refuse_unknown_change(contract_id, change_id);
        return cancel_pending(c, *contract, *change, actor, now);
    });
}

ContractDetail cancel_scheduled_change_as_customer(ServiceContext& context, const ClientIdentity& identity,
                                                   std::string_view lookup_token, const std::string& contract_id,
                                                   const std::string& change_id) {
    const std::string client_id = identity.client_of(lookup_token);
    const std::string now = context.clock.now_iso();
    return context.db.write([&](store::Connection& c) {
        const auto contract = store::find_contract(c, contract_id);
        if (!contract || contract->client_id != client_id)
            refuse_contract_not_owned();
        const auto change = store::find_pending_change(c, change_id);
        if (!change || change->contract_id != contract_id)
            refuse_unknown_change(contract_id, change_id);
        if (!cancellable_by_customer(*change))
            throw Failure(FailureKind::Forbidden, wire::problem::scheduled_change_not_cancellable,
                          "This change was scheduled by the operator's staff: ask them to cancel it.");
        return cancel_pending(c, *contract, *change, customer_actor, now);
    });
}

int carry_out_due_changes(ServiceContext& context) {
    int made = 0;
    for (;;) {
        const Date today = context.clock.today_utc();
        const auto due = context.db.read([&](store::Connection& c) { return store::list_due_changes(c, today, 100); });
        if (due.empty())
            return made;
        for (const ScheduledChange& change : due)
            made += carry_out(context, change);
    }
}

} // namespace isp::services
