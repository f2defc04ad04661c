#include "server/store/notification_store.h"

#include "server/store/database.h"
#include "server/store/paged_query.h"

namespace isp::store {
namespace {

constexpr const char* notification_columns =
    "SELECT n.notification_id, n.client_id, n.event_id, e.type, n.channel, n.recipient, n.subject, n.state, "
    "n.attempts, n.last_error, n.next_attempt_at, n.sent_at, n.created_at, n.event_sequence "
    "FROM customer_notifications n JOIN outbox_events e ON e.sequence = n.event_sequence";

CustomerNotification notification_row(const Statement& st) {
    CustomerNotification n;
    n.notification_id = st.text(0);
    n.client_id = st.text(1);
    n.event_id = st.text(2);
    n.event_type = st.text(3);
    n.channel = st.text(4);
    n.recipient = st.text(5);
    n.subject = st.text(6);
    n.state = st.text(7);
    n.attempts = st.integer(8);
    n.last_error = st.optional_text(9);
    n.next_attempt_at = st.optional_text(10);
    n.sent_at = st.optional_text(11);
    n.created_at = st.text(12);
    n.event_sequence = st.integer(13);
    return n;
}

} // namespace

std::optional<std::int64_t> email_cursor(Connection& c) {
    auto st = c.prepare("SELECT after_sequence FROM delivery_cursors WHERE channel = 'email'");
    if (!st.step())
        return std::nullopt;
    return st.integer(0);
}

void set_email_cursor(Connection& c, std::int64_t after_sequence) {
    c.prepare("INSERT INTO delivery_cursors (channel, after_sequence) VALUES ('email', ?1) "
              "ON CONFLICT (channel) DO UPDATE SET after_sequence = excluded.after_sequence")
        .bind(after_sequence)
        .run();
}

void insert_notification(Connection& c, const CustomerNotification& n) {
    c.prepare("INSERT INTO customer_notifications (notification_id, client_id, event_sequence, event_id, channel, "
              "recipient, subject, state, attempts, next_attempt_at, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
              "'pending', 0, ?8, ?9) ON CONFLICT (event_id, channel) DO NOTHING")
        .bind(n.notification_id, n.client_id, n.event_sequence, n.event_id, n.channel, n.recipient, n.subject,
              n.next_attempt_at.value_or(n.created_at), n.created_at)
        .run();
}

std::vector<CustomerNotification> due_notifications(Connection& c, const std::string& now, int limit) {
    auto st =
        c.prepare(std::string(notification_columns) +
                  " WHERE n.state = 'pending' AND n.next_attempt_at <= ?1 ORDER BY n.next_attempt_at, n.event_sequence "
                  "LIMIT ?2");
    st.bind(now, limit);
    std::vector<CustomerNotification> out;
    while (st.step())
        out.push_back(notification_row(st));
    return out;
}

std::optional<CustomerNotification> find_notification(Connection& c, std::string_view notification_id) {
    auto st = c.prepare(std::string(notification_columns) + " WHERE n.notification_id = ?1");
    st.bind(notification_id);
    if (!st.step())
        return std::nullopt;
    return notification_row(st);
}

std::optional<std::string> first_attempt_at(Connection& c, std::string_view notification_id) {
    auto st = c.prepare("SELECT first_attempt_at FROM customer_notifications WHERE notification_id = ?1");
    st.bind(notification_id);
    if (!st.step())
        return std::nullopt;
    return st.optional_text(0);
}

void record_notification_attempt(Connection& c, std::string_view notification_id, const std::string& state,
                                 const std::optional<std::string>& error,
                                 const std::optional<std::string>& next_attempt_at, const std::string& now) {
    c.prepare("UPDATE customer_notifications SET state = ?2, attempts = attempts + 1, last_error = ?3, "
              "next_attempt_at = ?4, first_attempt_at = COALESCE(first_attempt_at, ?5), "
              "sent_at = CASE WHEN ?2 = 'sent' THEN ?5 ELSE sent_at END WHERE notification_id = ?1 "
              "AND state = 'pending'")
        .bind(notification_id, state, error, next_attempt_at, now)
        .run();
}

std::int64_t count_client_notifications(Connection& c, std::string_view client_id) {
    return count_rows(c, "SELECT COUNT(*) FROM customer_notifications WHERE client_id = ?1", client_id);
}

std::vector<CustomerNotification> list_client_notifications(Connection& c, std::string_view client_id,
                                                            std::int64_t limit, std::int64_t offset) {
    return read_page(c, std::string(notification_columns) + " WHERE n.client_id = ?1 ORDER BY n.event_sequence DESC",
                     limit, offset, notification_row, client_id);
}

} // namespace isp::store
