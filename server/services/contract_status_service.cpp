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

nlohmann::json status_change_json(const ScheduledChange& s) {
    return {{"change_id", s.change_id},
            {"kind", "status"},
            {"status", status_text(s.status)},
            {"effective_date", s.effective_date.to_iso()},
            {"reason", s.reason}};
}

Contract contract_or_404(store::Connection& c, const std::string& contract_id) {
    auto contract = store::find_contract(c, contract_id);
    if (!contract)
        throw Failure(FailureKind::NotFound, "contract_not_found", "No contract " + contract_id + ".");
    return *contract;
}

} // namespace

void make_status_change(store::Connection& c, Contract& contract, ContractStatus status, const Date& effective,
                        const std::string& reason, const std::string& actor, const std::string& now,
                        const std::string& change_id) {
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

StatusChangeOutcome change_contract_status(ServiceContext& context, const std::string& contract_id,
                                           const StatusChangeRequest& r, const std::string& actor) {
    const std::string now = context.clock.now_iso();
    const Date today = context.clock.today_utc();
    const Date effective = r.effective_date.value_or(today);
    return context.db.write([&](store::Connection& c) {
        Contract contract = contract_or_404(c, contract_id);
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
                              "This contract has a change scheduled (" + describe_scheduled_change(pending.front()) +
                                  ", " + pending.front().change_id + "): cancel it before changing the status today.");
            require_transition(contract.status, r.status, "");
            make_status_change(c, contract, r.status, effective, r.reason, actor, now);
            return StatusChangeOutcome{contract, std::nullopt};
        }

        // Later: checked against the status the contract will have by then.
        if (!pending.empty() && !(pending.back().effective_date < effective))
            refuse_status_change(
                {field_error("effective_date", "effective_before_scheduled_change", status_change_language)});
        const ContractStatus then = status_after(contract.status, pending);
        require_transition(then, r.status, pending.empty() ? "" : " after its scheduled change");
        ScheduledChange change{security::new_id("chg_", 10), contract_id, r.status, effective, r.reason, actor, now,
                               ScheduledChangeKind::Status,  ""};
        store::insert_scheduled_change(c, change);
        store::append_contract_audit(c, {contract_id, now, actor, "status_change_scheduled",
                                         nlohmann::json{{"status", status_text(then)}}.dump(),
                                         status_change_json(change).dump()});
        record_contract_event(c, "contract.change_scheduled", contract, status_change_json(change), now);
        return StatusChangeOutcome{contract, change};
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

} // namespace isp::services
