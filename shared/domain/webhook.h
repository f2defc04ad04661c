// Webhooks: other systems (a RADIUS server, provisioning, an accounting tool) told of the
// server's events by a signed HTTP POST to a URL of theirs (docs/lifecycle.md). An endpoint
// says where and which event types; a delivery is one event to one endpoint, retried until
// a 2xx answer or for 24 hours.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/domain/field_error.h"
#include "shared/domain/money.h"

namespace isp {

struct WebhookEndpoint {
    std::string webhook_id; // "whk_..."
    std::string url;        // http(s)://host[:port]/path?query
    std::vector<std::string> event_types;
    bool active = true; // inactive: nothing is sent; events meanwhile are not sent later
    std::string created_by;
    std::string created_at;
    std::string updated_at;
    bool operator==(const WebhookEndpoint&) const = default;
};

// POST /webhooks. The secret is the server's to make.
struct NewWebhook {
    std::string url;
    std::vector<std::string> event_types;
    bool active = true;
    bool operator==(const NewWebhook&) const = default;
};

// PATCH /webhooks/{id}: only what is given changes.
struct WebhookChange {
    std::optional<std::string> url;
    std::optional<std::vector<std::string>> event_types;
    std::optional<bool> active;
    bool operator==(const WebhookChange&) const = default;
};

// The endpoint with its signing secret: the answer that creates the endpoint or rotates its
// secret, the only ones that show it.
struct WebhookSecret {
    WebhookEndpoint webhook;
    std::string secret; // "whsec_" + 64 hex digits
    // After a rotation, until when the previous secret signs too (a second v1 in
    // X-Portal-Signature), so receivers switch without losing a delivery; none: it stopped.
    std::optional<std::string> previous_secret_expires_at;
    bool operator==(const WebhookSecret&) const = default;
};

// How long a rotated-out secret keeps signing, by default and at most (seconds).
inline constexpr std::int64_t default_previous_secret_seconds = 24 * 3600;
inline constexpr std::int64_t max_previous_secret_seconds = 7 * 24 * 3600;

enum class DeliveryState { Pending, Delivered, Failed };
std::string_view to_string(DeliveryState state); // "pending", "delivered", "failed"
std::optional<DeliveryState> parse_delivery_state(std::string_view text);

struct WebhookDelivery {
    std::string delivery_id; // "dlv_..."
    std::string webhook_id;
    std::int64_t event_sequence = 0;
    std::string event_id;
    std::string event_type;
    DeliveryState state = DeliveryState::Pending;
    int attempt_count = 0;
    std::optional<int> last_status_code; // none: no answer (refused, timed out)
    std::optional<std::string> last_error;
    std::optional<std::int64_t> response_time_ms;
    std::optional<std::string> first_attempt_at;
    std::optional<std::string> last_attempt_at;
    std::optional<std::string> next_attempt_at; // while pending
    std::optional<std::string> delivered_at;
    std::optional<std::string> replay_of; // the delivery this one replays
    std::string created_at;
    bool operator==(const WebhookDelivery&) const = default;
};

// A webhook URL taken apart for an HTTP client: "https://radius.example:8443" and
// "/hooks/portal?x=1".
struct WebhookUrl {
    std::string scheme_host_port;
    std::string path_and_query;
};
// Only http and https, a host (name, IPv4 or [IPv6]) and an optional port 1-65535, then a
// path and query of printable ASCII (no spaces: percent-encoded); no user:password@ (it
// would be shown in the endpoint's reads) and no #fragment. At most 2000 characters.
std::optional<WebhookUrl> parse_webhook_url(std::string_view url);

// Field errors of a new endpoint or a change (codes required, too_long, invalid_url,
// unknown_event_type, duplicate_event_type), in `language`.
void check_new_webhook(const NewWebhook& webhook, Language language, FieldErrors& errors);
void check_webhook_change(const WebhookChange& change, Language language, FieldErrors& errors);

} // namespace isp
