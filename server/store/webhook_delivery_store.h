// SQL of webhook_deliveries (migration 13): one event to one endpoint, its attempts and state.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "shared/domain/event.h"
#include "shared/domain/webhook.h"

namespace isp::store {
class Connection;

// A pending delivery, due at `now`.
void insert_delivery(Connection& c, const std::string& delivery_id, const std::string& webhook_id,
                     std::int64_t event_sequence, const std::string& now,
                     const std::optional<std::string>& replay_of = std::nullopt);
std::optional<WebhookDelivery> find_delivery(Connection& c, const std::string& webhook_id,
                                             const std::string& delivery_id);
// Newest first (replays on top of what they replay).
std::vector<WebhookDelivery> list_deliveries(Connection& c, const std::string& webhook_id, int limit,
                                             std::int64_t offset);
std::int64_t count_deliveries(Connection& c, const std::string& webhook_id);
// Writes the outcome of an attempt: state, attempt fields, next_attempt_at, delivered_at.
void update_delivery_attempt(Connection& c, const WebhookDelivery& delivery);

// A delivery to make now, with what sending it needs.
struct DueDelivery {
    std::string delivery_id;
    std::string webhook_id;
    std::string url;
    std::string secret;
    std::string previous_secret; // "" unless a rotation's previous secret still signs
    Event event;
};
// Pending deliveries of active endpoints due at `now` (ISO), the oldest due first and, among
// those, in the outbox's order.
std::vector<DueDelivery> list_due_deliveries(Connection& c, const std::string& now, int limit);

} // namespace isp::store
