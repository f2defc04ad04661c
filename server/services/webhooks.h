// Webhook endpoints, managed by admins through the staff API (docs/lifecycle.md): where to
// POST which events, the signing secret (made here from the CSPRNG, shown only in the answer
// that creates or rotates it), the delivery log and replays. Sending is
// services/webhook_deliveries.h's, on the deliverer's thread. Whoever points an endpoint
// elsewhere can make a RADIUS server obey: each change to an endpoint is in the staff audit
// log (services/staff_audit.h), in its transaction.
#pragma once
#include <cstdint>
#include <string>

#include "server/services/page.h"
#include "server/services/staff_audit.h"
#include "shared/domain/webhook.h"

namespace isp::store {
class Connection;
}

namespace isp::services {
struct ServiceContext;

// In the caller's transaction (the idempotency guard's). 400 validation_failed (url, event_types).
WebhookSecret create_webhook(store::Connection& c, ServiceContext& context, const NewWebhook& webhook,
                             const StaffActor& by);
Page<WebhookEndpoint> webhook_page(ServiceContext& context, int per_page, std::int64_t offset);
// 404 webhook_not_found for each of these.
WebhookEndpoint get_webhook(ServiceContext& context, const std::string& webhook_id);
WebhookEndpoint change_webhook(ServiceContext& context, const std::string& webhook_id, const WebhookChange& change,
                               const StaffActor& by);
void delete_webhook(ServiceContext& context, const std::string& webhook_id, const StaffActor& by);
// A new secret; the old one keeps signing beside it for `previous_seconds` (0: stops at once;
// at most max_previous_secret_seconds, else 400 validation_failed).
WebhookSecret rotate_webhook_secret(ServiceContext& context, const std::string& webhook_id, const StaffActor& by,
                                    std::int64_t previous_seconds = default_previous_secret_seconds);

Page<WebhookDelivery> webhook_delivery_page(ServiceContext& context, const std::string& webhook_id, int per_page,
                                            std::int64_t offset);
// Sends the delivery's event again, as a new delivery due now (replay_of names the first).
// 404 delivery_not_found; 409 delivery_pending while the delivery itself is still retried.
WebhookDelivery replay_delivery(ServiceContext& context, const std::string& webhook_id, const std::string& delivery_id);

} // namespace isp::services
