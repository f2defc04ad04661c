// SQL of webhook_endpoints (migration 13): where events are POSTed, with the secret that
// signs them and how far the deliverer has read the outbox for each.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "shared/domain/webhook.h"

namespace isp::store {
class Connection;

void insert_webhook(Connection& c, const WebhookEndpoint& webhook, const std::string& secret,
                    std::int64_t after_sequence);
std::optional<WebhookEndpoint> find_webhook(Connection& c, const std::string& webhook_id);
// Oldest first.
std::vector<WebhookEndpoint> list_webhooks(Connection& c, int limit, std::int64_t offset);
std::int64_t count_webhooks(Connection& c);
// Writes url, event_types, active and updated_at.
void update_webhook(Connection& c, const WebhookEndpoint& webhook);
// The new secret; the one it replaces keeps signing until `previous_until` (none: stops now).
void set_webhook_secret(Connection& c, const std::string& webhook_id, const std::string& secret,
                        const std::optional<std::string>& previous_until, const std::string& now);
// Removes the endpoint and its deliveries; false when there was none.
bool delete_webhook(Connection& c, const std::string& webhook_id);

// What the deliverer needs of an endpoint to queue its deliveries.
struct WebhookCursor {
    std::string webhook_id;
    std::vector<std::string> event_types;
    bool active = false;
    std::int64_t after_sequence = 0;
};
std::vector<WebhookCursor> list_webhook_cursors(Connection& c);
// Whether some endpoint has not read the outbox to its end (a cheap read before a write).
bool webhooks_behind(Connection& c);
void set_webhook_cursor(Connection& c, const std::string& webhook_id, std::int64_t after_sequence);

} // namespace isp::store
