#include "server/services/event_outbox.h"

#include <algorithm>

#include "server/security/random_id.h"
#include "server/services/service_context.h"
#include "server/store/database.h"
#include "server/store/event_store.h"

namespace isp::services {

void record_contract_event(store::Connection& c, const std::string& type, const Contract& contract, nlohmann::json data,
                           const std::string& now) {
    if (!data.contains("service_identifier"))
        data["service_identifier"] = contract.service_identifier;
    if (!data.contains("offer_id"))
        data["offer_id"] = contract.offer_id;
    record_event(c, type, contract.contract_id, contract.client_id, std::move(data), now);
}

void record_event(store::Connection& c, const std::string& type, const std::optional<std::string>& contract_id,
                  const std::optional<std::string>& client_id, nlohmann::json data, const std::string& now) {
    if (contract_id)
        data["contract_id"] = *contract_id;
    if (client_id)
        data["client_id"] = *client_id;
    store::append_event(c, {0, security::new_id("evt_", 12), type, now, contract_id, client_id, data.dump()});
}

EventBatch::EventBatch(store::Connection& c, std::string now, std::size_t expected)
    : appender_(std::make_unique<store::EventAppender>(c)), now_(std::move(now)), ids_(expected) {
    for (std::string& id : ids_)
        id = security::new_id("evt_", 12);
    std::sort(ids_.begin(), ids_.end());
}

EventBatch::~EventBatch() = default;

void EventBatch::record(const std::string& type, const std::string& contract_id, const std::string& client_id,
                        const std::string& data) {
    // More events than expected (never, for a billing run): the rest take ids one by one.
    std::string id = next_id_ < ids_.size() ? std::move(ids_[next_id_++]) : security::new_id("evt_", 12);
    appender_->append(id, type, now_, contract_id, client_id, data);
}

std::vector<Event> events_after(ServiceContext& context, std::int64_t after_sequence, int limit) {
    return context.db.read([&](store::Connection& c) { return store::list_events_after(c, after_sequence, limit); });
}

} // namespace isp::services
