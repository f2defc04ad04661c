#include "server/services/event_outbox.h"

#include "server/security/random_id.h"
#include "server/services/service_context.h"
#include "server/store/database.h"
#include "server/store/event_store.h"

namespace isp::services {

void record_contract_event(store::Connection& c, const std::string& type, const Contract& contract, nlohmann::json data,
                           const std::string& now) {
    data["contract_id"] = contract.contract_id;
    data["client_id"] = contract.client_id;
    store::append_event(
        c, {0, security::new_id("evt_", 12), type, now, contract.contract_id, contract.client_id, data.dump()});
}

std::vector<Event> events_after(ServiceContext& context, std::int64_t after_sequence, int limit) {
    return context.db.read([&](store::Connection& c) { return store::list_events_after(c, after_sequence, limit); });
}

} // namespace isp::services
