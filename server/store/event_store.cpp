#include "server/store/event_store.h"

#include "shared/wire/event_json.h"

namespace isp::store {
namespace {

// An event's columns, then those an invoice.issued event's data is written from (NULL for
// other events): a billing run stores only {"invoice_id": ...} (shared/wire/event_json.h).
constexpr const char* outbox_event_select =
    "SELECT e.sequence, e.event_id, e.type, e.occurred_at, e.contract_id, e.client_id, e.data, i.invoice_id, "
    "i.invoice_number, i.billing_run_id, i.period, i.period_start, i.period_end, i.issue_date, i.due_date, "
    "i.currency, i.subtotal_minor, i.tax_minor, i.total_minor, "
    "(SELECT l.service_identifier FROM invoice_lines l WHERE l.invoice_id = i.invoice_id ORDER BY l.line_no "
    "LIMIT 1) ";
constexpr const char* outbox_event_invoice_join =
    " LEFT JOIN invoices i ON e.type = 'invoice.issued' AND i.invoice_id = json_extract(e.data, '$.invoice_id') ";

} // namespace

std::string outbox_event_columns() {
    return outbox_event_select;
}

std::string outbox_event_join() {
    return outbox_event_invoice_join;
}

Event outbox_event_from_row(const Statement& st, int first) {
    Event e{st.integer(first),           st.text(first + 1),          st.text(first + 2), st.text(first + 3),
            st.optional_text(first + 4), st.optional_text(first + 5), st.text(first + 6)};
    if (!st.is_null(first + 7)) {
        Invoice i;
        i.invoice_id = st.text(first + 7);
        i.invoice_number = st.text(first + 8);
        i.billing_run_id = st.text(first + 9);
        i.contract_id = e.contract_id.value_or("");
        i.client_id = e.client_id.value_or("");
        i.period = st.text(first + 10);
        i.period_start = parse_iso_date(st.text(first + 11)).value_or(Date{});
        i.period_end = parse_iso_date(st.text(first + 12)).value_or(Date{});
        i.issue_date = parse_iso_date(st.text(first + 13)).value_or(Date{});
        i.due_date = parse_iso_date(st.text(first + 14)).value_or(Date{});
        i.currency = st.text(first + 15);
        i.subtotal_minor = st.integer(first + 16);
        i.tax_minor = st.integer(first + 17);
        i.total_minor = st.integer(first + 18);
        e.data = wire::invoice_issued_data(i, st.text(first + 19));
    }
    return e;
}

std::int64_t append_event(Connection& c, const Event& e) {
    auto st = c.prepare("INSERT INTO outbox_events (event_id, type, occurred_at, contract_id, client_id, data) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING sequence");
    st.bind(e.event_id, e.type, e.occurred_at, e.contract_id, e.client_id, e.data);
    st.step();
    return st.integer(0);
}

std::vector<Event> list_events_after(Connection& c, std::int64_t after_sequence, int limit) {
    auto st = c.prepare(outbox_event_columns() + "FROM outbox_events e" + outbox_event_join() +
                        "WHERE e.sequence > ?1 ORDER BY e.sequence LIMIT ?2");
    st.bind(after_sequence, limit);
    std::vector<Event> out;
    while (st.step())
        out.push_back(outbox_event_from_row(st, 0));
    return out;
}

std::optional<Event> find_event(Connection& c, std::int64_t sequence) {
    auto st =
        c.prepare(outbox_event_columns() + "FROM outbox_events e" + outbox_event_join() + "WHERE e.sequence = ?1");
    st.bind(sequence);
    if (!st.step())
        return std::nullopt;
    return outbox_event_from_row(st, 0);
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
