#include "server/store/event_store.h"

namespace isp::store {

std::int64_t append_event(Connection& c, const Event& e) {
    auto st = c.prepare("INSERT INTO outbox_events (event_id, type, occurred_at, contract_id, client_id, data) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING sequence");
    st.bind(e.event_id, e.type, e.occurred_at, e.contract_id, e.client_id, e.data);
    st.step();
    return st.integer(0);
}

namespace {
constexpr const char* event_columns =
    "SELECT sequence, event_id, type, occurred_at, contract_id, client_id, data FROM outbox_events ";

Event event_row(const Statement& st) {
    return {st.integer(0), st.text(1), st.text(2), st.text(3), st.optional_text(4), st.optional_text(5), st.text(6)};
}
} // namespace

std::vector<Event> list_events_after(Connection& c, std::int64_t after_sequence, int limit) {
    auto st = c.prepare(std::string(event_columns) + "WHERE sequence > ?1 ORDER BY sequence LIMIT ?2");
    st.bind(after_sequence, limit);
    std::vector<Event> out;
    while (st.step())
        out.push_back(event_row(st));
    return out;
}

std::optional<Event> find_event(Connection& c, std::string_view event_id) {
    auto st = c.prepare(std::string(event_columns) + "WHERE event_id = ?1");
    st.bind(event_id);
    if (!st.step())
        return std::nullopt;
    return event_row(st);
}

std::int64_t last_event_sequence(Connection& c) {
    auto st = c.prepare("SELECT COALESCE(MAX(sequence), 0) FROM outbox_events");
    st.step();
    return st.integer(0);
}

EventAppender::EventAppender(Connection& c)
    : insert_(c.prepare("INSERT INTO outbox_events (event_id, type, occurred_at, contract_id, client_id, data) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")) {}

void EventAppender::append(const std::string& event_id, const std::string& type, const std::string& occurred_at,
                           const std::string& contract_id, const std::string& client_id, const std::string& data) {
    insert_.bind(event_id, type, occurred_at, contract_id, client_id, data).run();
    insert_.reset();
}

} // namespace isp::store
