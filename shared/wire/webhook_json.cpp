#include "shared/wire/webhook_json.h"

#include "shared/signup/messages.h"
#include "shared/wire/json_reader.h"
#include "shared/wire/optional_json.h"

namespace isp::wire {
namespace {

// An array of strings at `key`; an error on the key when it is something else.
std::optional<std::vector<std::string>> read_event_types(JsonReader& r, const nlohmann::json& body, bool required) {
    if (!r.has("event_types")) {
        if (required)
            r.add_error("event_types", "required");
        return std::nullopt;
    }
    const nlohmann::json& v = body.at("event_types");
    if (!v.is_array()) {
        r.add_error("event_types", "invalid_type");
        return std::nullopt;
    }
    std::vector<std::string> types;
    for (const auto& t : v) {
        if (!t.is_string()) {
            r.add_error("event_types", "invalid_type");
            return std::nullopt;
        }
        types.push_back(t.get<std::string>());
    }
    return types;
}

} // namespace

nlohmann::json to_json(const WebhookEndpoint& w) {
    return {{"webhook_id", w.webhook_id},   {"url", w.url},
            {"event_types", w.event_types}, {"active", w.active},
            {"created_by", w.created_by},   {"created_at", w.created_at},
            {"updated_at", w.updated_at}};
}

WebhookEndpoint webhook_endpoint_from_json(const nlohmann::json& j) {
    return {j.at("webhook_id").get<std::string>(),
            j.at("url").get<std::string>(),
            j.at("event_types").get<std::vector<std::string>>(),
            j.at("active").get<bool>(),
            j.at("created_by").get<std::string>(),
            j.at("created_at").get<std::string>(),
            j.at("updated_at").get<std::string>()};
}

nlohmann::json to_json(const NewWebhook& w) {
    return {{"url", w.url}, {"event_types", w.event_types}, {"active", w.active}};
}

NewWebhook new_webhook_from_json(const nlohmann::json& body, FieldErrors& errors) {
    NewWebhook w;
    JsonReader r(body, errors, staff_language);
    r.string("url", w.url, true);
    if (auto types = read_event_types(r, body, true))
        w.event_types = std::move(*types);
    r.boolean("active", w.active);
    return w;
}

nlohmann::json to_json(const WebhookChange& c) {
    nlohmann::json out = nlohmann::json::object();
    if (c.url)
        out["url"] = *c.url;
    if (c.event_types)
        out["event_types"] = *c.event_types;
    if (c.active)
        out["active"] = *c.active;
    return out;
}

WebhookChange webhook_change_from_json(const nlohmann::json& body, FieldErrors& errors) {
    WebhookChange c;
    JsonReader r(body, errors, staff_language);
    std::string url;
    if (r.string("url", url))
        c.url = std::move(url);
    c.event_types = read_event_types(r, body, false);
    bool active = true;
    if (r.boolean("active", active))
        c.active = active;
    return c;
}

nlohmann::json to_json(const WebhookSecret& s) {
    return {{"webhook", to_json(s.webhook)},
            {"secret", s.secret},
            {"previous_secret_expires_at", or_null(s.previous_secret_expires_at)}};
}

WebhookSecret webhook_secret_from_json(const nlohmann::json& j) {
    return {webhook_endpoint_from_json(j.at("webhook")), j.at("secret").get<std::string>(),
            null_or<std::string>(j, "previous_secret_expires_at")};
}

nlohmann::json to_json(const WebhookDelivery& d) {
    return {{"delivery_id", d.delivery_id},
            {"webhook_id", d.webhook_id},
            {"event_sequence", d.event_sequence},
            {"event_id", d.event_id},
            {"event_type", d.event_type},
            {"state", std::string(to_string(d.state))},
            {"attempt_count", d.attempt_count},
            {"last_status_code", or_null(d.last_status_code)},
            {"last_error", or_null(d.last_error)},
            {"response_time_ms", or_null(d.response_time_ms)},
            {"first_attempt_at", or_null(d.first_attempt_at)},
            {"last_attempt_at", or_null(d.last_attempt_at)},
            {"next_attempt_at", or_null(d.next_attempt_at)},
            {"delivered_at", or_null(d.delivered_at)},
            {"replay_of", or_null(d.replay_of)},
            {"created_at", d.created_at}};
}

WebhookDelivery webhook_delivery_from_json(const nlohmann::json& j) {
    WebhookDelivery d;
    d.delivery_id = j.at("delivery_id").get<std::string>();
    d.webhook_id = j.at("webhook_id").get<std::string>();
    d.event_sequence = integer_value<std::int64_t>(j.at("event_sequence"));
    d.event_id = j.at("event_id").get<std::string>();
    d.event_type = j.at("event_type").get<std::string>();
    const auto state = parse_delivery_state(j.at("state").get<std::string>());
    if (!state)
        throw nlohmann::json::type_error::create(302, "an unknown delivery state", &j);
    d.state = *state;
    d.attempt_count = integer_value<int>(j.at("attempt_count"));
    d.last_status_code = null_or<int>(j, "last_status_code");
    d.last_error = null_or<std::string>(j, "last_error");
    d.response_time_ms = null_or<std::int64_t>(j, "response_time_ms");
    d.first_attempt_at = null_or<std::string>(j, "first_attempt_at");
    d.last_attempt_at = null_or<std::string>(j, "last_attempt_at");
    d.next_attempt_at = null_or<std::string>(j, "next_attempt_at");
    d.delivered_at = null_or<std::string>(j, "delivered_at");
    d.replay_of = null_or<std::string>(j, "replay_of");
    d.created_at = j.at("created_at").get<std::string>();
    return d;
}

} // namespace isp::wire
