#include "server/services/contract_status_service.h"

#include <nlohmann/json.hpp>

#include "server/clock/clock.h"
#include "server/services/failure.h"
#include "server/services/service_context.h"
#include "server/store/contract_store.h"
#include "server/store/database.h"
#include "shared/domain/contract_lifecycle.h"
#include "shared/signup/messages.h"

namespace isp::services {
namespace {

constexpr Language staff_language = Language::English;

[[noreturn]] void refuse(FieldErrors errors) {
    throw Failure(FailureKind::Invalid, "validation_failed", "The status change has invalid fields; see errors.",
                  std::move(errors));
}

} // namespace

Contract change_contract_status(ServiceContext& context, const std::string& contract_id, const StatusChangeRequest& r,
                                const std::string& actor) {
    const std::string now = context.clock.now_iso();
    const Date effective = r.effective_date.value_or(context.clock.today_utc());
    return context.db.write([&](store::Connection& c) {
        auto contract = store::find_contract(c, contract_id);
        if (!contract)
            throw Failure(FailureKind::NotFound, "contract_not_found", "No contract " + contract_id + ".");
        if (!status_transition_allowed(contract->status, r.status))
            throw Failure(FailureKind::Conflict, "invalid_status_transition",
                          "A " + std::string{to_string(contract->status)} + " contract cannot become " +
                              std::string{to_string(r.status)} +
                              ": allowed are active <-> suspended and active or suspended -> terminated.");
        // The history only grows forward: an earlier date would silently erase the later
        // periods billing may already have invoiced.
        const auto periods = store::list_status_periods(c, contract_id);
        if (!periods.empty() && effective < periods.back().effective_from)
            refuse({field_error("effective_date", "effective_before_last_change", staff_language)});

        const nlohmann::json before = {{"status", std::string{to_string(contract->status)}}};
        contract->status = r.status;
        store::update_contract_status(c, contract_id, r.status, now);
        store::record_status_period(c, contract_id, r.status, effective, now);
        const nlohmann::json after = {
            {"status", std::string{to_string(r.status)}}, {"effective_date", effective.to_iso()}, {"reason", r.reason}};
        store::append_contract_audit(c, {contract_id, now, actor, "status_changed", before.dump(), after.dump()});
        return *contract;
    });
}

} // namespace isp::services
