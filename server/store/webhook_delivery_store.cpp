#include "server/store/webhook_delivery_store.h"

#include "server/store/database.h"
#include "server/store/event_store.h"

namespace isp::store {
namespace {

constexpr const char* webhook_delivery_columns =
    "d.delivery_id, d.webhook_id, d.event_sequence, e.event_id, e.type, d.state, d.attempt_count, "
    "d.last_status_code, d.last_error, d.response_time_ms, d.first_attempt_at, d.last_attempt_at, "
    "d.next_attempt_at, d.delivered_at, d.replay_of, d.created_at";

std::optional<std::int64_t> optional_integer(const Statement& st, int col) {
    if (st.is_null(col))
        return std::nullopt;
    return st.integer(col);
}

WebhookDelivery delivery_from_row(const Statement& st) {
    WebhookDelivery d;
    d.delivery_id = st.text(0);
    d.webhook_id = st.text(1);
    d.event_sequence = st.integer(2);
    d.event_id = st.text(3);
    d.event_type = st.text(4);
    d.state = parse_delivery_state(st.text(5)).value_or(DeliveryState::Pending);
    d.attempt_count = static_cast<int>(st.integer(6));
    if (const auto code = optional_integer(st, 7))
        d.last_status_code = static_cast<int>(*code);
    d.last_error = st.optional_text(8);
    d.response_time_ms = optional_integer(st, 9);
    d.first_attempt_at = st.optional_text(10);
    d.last_attempt_at = st.optional_text(11);
    d.next_attempt_at = st.optional_text(12);
    d.delivered_at = st.optional_text(13);
    d.replay_of = st.optional_text(14);
    d.created_at = st.text(15);
    return d;
}

} // namespace

void insert_delivery(Connection& c, const std::string& delivery_id, const std::string& webhook_id,
                     std::int64_t event_sequence, const std::string& now, const std::optional<std::string>& replay_of) {
    c.prepare("INSERT INTO webhook_deliveries (delivery_id, webhook_id, event_sequence, state, next_attempt_at, "
              "replay_of, created_at) VALUES (?1, ?2, ?3, 'pending', ?4, ?5, ?4)")
        .bind(delivery_id, webhook_id, event_sequence, now, replay_of)
        .run();
}

std::optional<WebhookDelivery> find_delivery(Connection& c, const std::string& webhook_id,
                                             const std::string& delivery_id) {
    auto st = c.prepare(std::string("SELECT ") + webhook_delivery_columns +
                        " FROM webhook_deliveries d JOIN outbox_events e ON e.sequence = d.event_sequence "
                        "WHERE d.delivery_id = ?1 AND d.webhook_id = ?2");
    st.bind(delivery_id, webhook_id);
    if (!st.step())
        return std::nullopt;
    return delivery_from_row(st);
}

std::vector<WebhookDelivery> list_deliveries(Connection& c, const std::string& webhook_id, int limit,
                                             std::int64_t offset) {
    auto st = c.prepare(std::string("SELECT ") + webhook_delivery_columns +
                        " FROM webhook_deliveries d JOIN outbox_events e ON e.sequence = d.event_sequence "
                        "WHERE d.webhook_id = ?1 "
                        "ORDER BY d.created_at DESC, d.event_sequence DESC, d.delivery_id DESC LIMIT ?2 OFFSET ?3");
    st.bind(webhook_id, limit, offset);
    std::vector<WebhookDelivery> out;
    while (st.step())
        out.push_back(delivery_from_row(st));
    return out;
}

std::int64_t count_deliveries(Connection& c, const std::string& webhook_id) {
    auto st = c.prepare("SELECT COUNT(*) FROM webhook_deliveries WHERE webhook_id = ?1");
    st.bind(webhook_id);
    st.step();
    return st.integer(0);
}

void update_delivery_attempt(Connection& c, const WebhookDelivery& d) {
    c.prepare("UPDATE webhook_deliveries SET state = ?2, attempt_count = ?3, last_status_code = ?4, last_error = ?5, "
              "response_time_ms = ?6, first_attempt_at = ?7, last_attempt_at = ?8, next_attempt_at = ?9, "
              "delivered_at = ?10 WHERE delivery_id = ?1")
        .bind(d.delivery_id, std::string(to_string(d.state)), d.attempt_count,
              d.last_status_code ? std::optional<std::int64_t>(*d.last_status_code) : std::nullopt, d.last_error,
              d.response_time_ms, d.first_attempt_at, d.last_attempt_at, d.next_attempt_at, d.delivered_at)
        .run();
}

std::vector<DueDelivery> list_due_deliveries(Connection& c, const std::string& now, int limit) {
    auto st = c.prepare(outbox_event_columns() +
                        ", d.delivery_id, d.webhook_id, w.url, w.secret, "
                        "CASE WHEN w.previous_secret_until > ?1 THEN w.previous_secret ELSE '' END "
                        "FROM webhook_deliveries d "
                        "JOIN webhook_endpoints w ON w.webhook_id = d.webhook_id "
                        "JOIN outbox_events e ON e.sequence = d.event_sequence" +
                        outbox_event_join() +
                        "WHERE d.state = 'pending' AND d.next_attempt_at <= ?1 AND w.active = 1 "
                        "ORDER BY d.next_attempt_at, d.event_sequence LIMIT ?2");
    st.bind(now, limit);
    std::vector<DueDelivery> out;
    while (st.step())
        out.push_back({st.text(20), st.text(21), st.text(22), st.text(23), st.text(24), outbox_event_from_row(st, 0)});
    return out;
}

} // namespace isp::store
