// Delivering events to webhook endpoints (docs/lifecycle.md), the rules of it: deliveries
// are made from the outbox for each endpoint that wants the event's type, in the
// transaction that moves the endpoint's cursor (none twice, none missed, also across a
// crash); a delivery is done only after a 2xx answer, retried on the shared RetrySchedule
// (30 s doubling to an hour, for 24 h), then failed. The sending itself (HTTP, signing) is
// the deliverer's (server/app/webhook_channel.h); this knows no HTTP.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "shared/domain/retry_schedule.h"

namespace isp::services {
struct ServiceContext;

// The webhooks' retry rule.
inline constexpr RetrySchedule webhook_retries{};

// Makes the deliveries of the next events the endpoints have not read yet, at most 1,000
// per endpoint in one transaction; whether events are left to read. Events that happen
// while an endpoint is inactive are not delivered to it.
bool queue_webhook_deliveries(ServiceContext& context);

// One delivery to send now: the event as GET /events shows it is the body, byte for byte the
// same at every attempt.
struct WebhookDispatch {
    std::string delivery_id;
    std::string webhook_id;
    std::string url;
    std::string secret;
    std::string previous_secret; // "" unless a rotation's previous secret still signs
    std::string event_id;
    std::string event_type;
    std::string body;
};
// Pending deliveries of active endpoints due now, at most `limit`, oldest due first.
std::vector<WebhookDispatch> due_webhook_deliveries(ServiceContext& context, int limit);

// What one attempt got.
struct WebhookAttempt {
    std::optional<int> status_code; // none: no answer (refused, timed out, TLS failure)
    std::string error;              // why it failed, for the delivery log ("" on a 2xx)
    std::int64_t response_time_ms = 0;
};
struct MadeAttempt {
    std::string delivery_id;
    std::string webhook_id;
    WebhookAttempt attempt;
};
// Records the attempts of a pass, in one transaction (one disk sync for the pass, not one
// per delivery): each delivered on a 2xx; otherwise its next attempt, or failed after 24 h.
// A delivery no longer pending (its endpoint deleted meanwhile) is left alone. Killed before
// this, the pass's deliveries are sent again at the next start (at-least-once).
void record_webhook_attempts(ServiceContext& context, const std::vector<MadeAttempt>& attempts);

} // namespace isp::services
