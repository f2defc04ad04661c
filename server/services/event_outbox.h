// The events a change tells (shared/domain/event.h), recorded by the service that makes the
// change, in its own transaction: an event exists exactly when its change does.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "shared/domain/contract.h"
#include "shared/domain/event.h"

namespace isp::store {
class Connection;
class EventAppender;
} // namespace isp::store

namespace isp::services {
struct ServiceContext;

// Appends an event about `contract`; `data` gets contract_id, client_id and, unless it
// names them already, the line (`service_identifier`) and `offer_id`: what a RADIUS or
// provisioning receiver acts on without asking back.
void record_contract_event(store::Connection& c, const std::string& type, const Contract& contract, nlohmann::json data,
                           const std::string& now);

// Appends an event; `data` gets contract_id and client_id when they are given.
void record_event(store::Connection& c, const std::string& type, const std::optional<std::string>& contract_id,
                  const std::optional<std::string>& client_id, nlohmann::json data, const std::string& now);

// Many events in one transaction (a billing run's invoice.issued, up to 100,000): one
// prepared statement for all of them, and event ids drawn up front in increasing order so
// the event_id index grows at one end (as the run does with invoice ids).
class EventBatch {
public:
    EventBatch(store::Connection& c, std::string now, std::size_t expected);
    ~EventBatch();
    EventBatch(const EventBatch&) = delete;
    EventBatch& operator=(const EventBatch&) = delete;

    // `data` (JSON object text) must hold contract_id and client_id already.
    void record(const std::string& type, const std::string& contract_id, const std::string& client_id,
                const std::string& data);

private:
    std::unique_ptr<store::EventAppender> appender_;
    std::string now_;
    std::vector<std::string> ids_;
    std::size_t next_id_ = 0;
};

// Events after `after_sequence`, in order, at most `limit` (GET /api/v1/events).
std::vector<Event> events_after(ServiceContext& context, std::int64_t after_sequence, int limit);

} // namespace isp::services
