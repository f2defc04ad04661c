// Wire format of webhooks (shared/domain/webhook.h): endpoints, the bodies that create and
// change them, the one answer that shows a secret, and deliveries. The body a webhook POSTs
// is an event as GET /events lists it (shared/wire/event_json.h).
#pragma once
#include <nlohmann/json.hpp>

#include "shared/domain/field_error.h"
#include "shared/domain/webhook.h"

namespace isp::wire {

nlohmann::json to_json(const WebhookEndpoint& webhook);
WebhookEndpoint webhook_endpoint_from_json(const nlohmann::json& j); // throws nlohmann::json::exception on bad shape

// POST /webhooks: each wrong field is added to `errors` (types here, rules in check_new_webhook).
nlohmann::json to_json(const NewWebhook& webhook);
NewWebhook new_webhook_from_json(const nlohmann::json& body, FieldErrors& errors);
// PATCH /webhooks/{id}: only the fields present change.
nlohmann::json to_json(const WebhookChange& change);
WebhookChange webhook_change_from_json(const nlohmann::json& body, FieldErrors& errors);

// {"webhook": {...}, "secret": "whsec_..."}
nlohmann::json to_json(const WebhookSecret& secret);
WebhookSecret webhook_secret_from_json(const nlohmann::json& j); // throws on bad shape

nlohmann::json to_json(const WebhookDelivery& delivery);
WebhookDelivery webhook_delivery_from_json(const nlohmann::json& j); // throws on bad shape

} // namespace isp::wire
