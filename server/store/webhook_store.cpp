#include "server/store/webhook_store.h"

#include <nlohmann/json.hpp>

#include "server/store/database.h"

namespace isp::store {
namespace {

constexpr const char* webhook_endpoint_columns =
    "webhook_id, url, event_types, active, created_by, created_at, updated_at";

std::vector<std::string> event_types_from(const std::string& text) {
    return nlohmann::json::parse(text).get<std::vector<std::string>>();
}

WebhookEndpoint webhook_from_row(const Statement& st) {
    return {st.text(0), st.text(1), event_types_from(st.text(2)), st.integer(3) != 0, st.text(4),
            st.text(5), st.text(6)};
}

} // namespace

void insert_webhook(Connection& c, const WebhookEndpoint& w, const std::string& secret, std::int64_t after_sequence) {
    c.prepare("INSERT INTO webhook_endpoints (webhook_id, url, event_types, active, secret, after_sequence, "
              "created_by, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
        .bind(w.webhook_id, w.url, nlohmann::json(w.event_types).dump(), w.active, secret, after_sequence, w.created_by,
              w.created_at, w.updated_at)
        .run();
}

std::optional<WebhookEndpoint> find_webhook(Connection& c, const std::string& webhook_id) {
    auto st =
        c.prepare(std::string("SELECT ") + webhook_endpoint_columns + " FROM webhook_endpoints WHERE webhook_id = ?1");
    st.bind(webhook_id);
    if (!st.step())
        return std::nullopt;
    return webhook_from_row(st);
}

std::vector<WebhookEndpoint> list_webhooks(Connection& c, int limit, std::int64_t offset) {
    auto st = c.prepare(std::string("SELECT ") + webhook_endpoint_columns +
                        " FROM webhook_endpoints ORDER BY created_at, webhook_id LIMIT ?1 OFFSET ?2");
    st.bind(limit, offset);
    std::vector<WebhookEndpoint> out;
    while (st.step())
        out.push_back(webhook_from_row(st));
    return out;
}

std::int64_t count_webhooks(Connection& c) {
    auto st = c.prepare("SELECT COUNT(*) FROM webhook_endpoints");
    st.step();
    return st.integer(0);
}

void update_webhook(Connection& c, const WebhookEndpoint& w) {
    c.prepare("UPDATE webhook_endpoints SET url = ?2, event_types = ?3, active = ?4, updated_at = ?5 "
              "WHERE webhook_id = ?1")
        .bind(w.webhook_id, w.url, nlohmann::json(w.event_types).dump(), w.active, w.updated_at)
        .run();
}

void set_webhook_secret(Connection& c, const std::string& webhook_id, const std::string& secret,
                        const std::optional<std::string>& previous_until, const std::string& now) {
    c.prepare("UPDATE webhook_endpoints SET previous_secret = CASE WHEN ?3 IS NULL THEN NULL ELSE secret END, "
              "previous_secret_until = ?3, secret = ?2, updated_at = ?4 WHERE webhook_id = ?1")
        .bind(webhook_id, secret, previous_until, now)
        .run();
}

bool delete_webhook(Connection& c, const std::string& webhook_id) {
    c.prepare("DELETE FROM webhook_deliveries WHERE webhook_id = ?1").bind(webhook_id).run();
    c.prepare("DELETE FROM webhook_endpoints WHERE webhook_id = ?1").bind(webhook_id).run();
    return c.changes() > 0;
}

std::vector<WebhookCursor> list_webhook_cursors(Connection& c) {
    auto st = c.prepare("SELECT webhook_id, event_types, active, after_sequence FROM webhook_endpoints "
                        "ORDER BY created_at, webhook_id");
    std::vector<WebhookCursor> out;
    while (st.step())
        out.push_back({st.text(0), event_types_from(st.text(1)), st.integer(2) != 0, st.integer(3)});
    return out;
}

bool webhooks_behind(Connection& c) {
    auto st = c.prepare("SELECT EXISTS (SELECT 1 FROM webhook_endpoints WHERE after_sequence < "
                        "(SELECT COALESCE(MAX(sequence), 0) FROM outbox_events))");
    st.step();
    return st.integer(0) != 0;
}

void set_webhook_cursor(Connection& c, const std::string& webhook_id, std::int64_t after_sequence) {
    c.prepare("UPDATE webhook_endpoints SET after_sequence = ?2 WHERE webhook_id = ?1")
        .bind(webhook_id, after_sequence)
        .run();
}

} // namespace isp::store
