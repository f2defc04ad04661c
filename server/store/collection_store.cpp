#include "server/store/collection_store.h"

#include "server/store/database.h"
#include "server/store/paged_query.h"

namespace isp::store {
namespace {

// ?1 is always today. Days overdue count from the due date; nothing is overdue once paid.
constexpr const char* case_select =
    "SELECT k.case_id, k.invoice_id, i.invoice_number, k.client_id, cl.first_name || ' ' || cl.last_name, k.status, "
    "k.opened_on, k.closed_on, k.close_reason, i.due_date, i.currency, i.total_minor, i.total_minor - i.paid_minor, "
    "CASE WHEN i.total_minor > i.paid_minor THEN MAX(0, CAST(julianday(?1) - julianday(i.due_date) AS INTEGER)) "
    "ELSE 0 END, "
    "(SELECT COUNT(*) FROM collection_actions a WHERE a.case_id = k.case_id), "
    "(SELECT MAX(a.at) FROM collection_actions a WHERE a.case_id = k.case_id), k.created_at, k.updated_at "
    "FROM collection_cases k JOIN invoices i ON i.invoice_id = k.invoice_id "
    "JOIN clients cl ON cl.client_id = k.client_id";

// An absent filter binds NULL (or -1 for the number of days) and matches everything.
constexpr const char* case_where =
    " WHERE (?2 IS NULL OR k.status = ?2) AND (?3 IS NULL OR k.client_id = ?3) AND (?4 < 0 OR "
    "(i.total_minor > i.paid_minor AND CAST(julianday(?1) - julianday(i.due_date) AS INTEGER) >= ?4))";

CollectionCase read_case(const Statement& st) {
    CollectionCase k;
    k.case_id = st.text(0);
    k.invoice_id = st.text(1);
    k.invoice_number = st.text(2);
    k.client_id = st.text(3);
    k.client_name = st.text(4);
    k.status = parse_case_status(st.text(5)).value_or(CaseStatus::Open);
    k.opened_on = st.text(6);
    k.closed_on = st.optional_text(7);
    k.close_reason = st.optional_text(8);
    k.due_date = st.text(9);
    k.invoice_total = Money{st.integer(11), st.text(10)};
    k.outstanding = Money{st.integer(12), st.text(10)};
    k.days_overdue = st.integer(13);
    k.action_count = st.integer(14);
    k.last_action_at = st.optional_text(15);
    k.created_at = st.text(16);
    k.updated_at = st.text(17);
    return k;
}

std::optional<std::string> status_param(const std::optional<CaseStatus>& s) {
    return s ? std::optional<std::string>(std::string(to_string(*s))) : std::nullopt;
}

// A row of list_actions' SELECT.
CollectionAction read_action(const Statement& st) {
    return {st.integer(0), st.text(1), parse_collection_action_kind(st.text(2)).value_or(CollectionActionKind::Note),
            st.text(3),    st.text(4), st.text(5)};
}

} // namespace

bool has_overdue_invoice_without_case(Connection& c, const Date& today, int grace_days) {
    auto st = c.prepare("SELECT EXISTS (SELECT 1 FROM invoices i WHERE i.status IN ('open', 'partially_paid') "
                        "AND i.due_date < ?1 AND i.total_minor > i.paid_minor "
                        "AND NOT EXISTS (SELECT 1 FROM collection_cases k WHERE k.invoice_id = i.invoice_id))");
    st.bind(today.plus_days(-grace_days).to_iso());
    st.step();
    return st.integer(0) != 0;
}

std::int64_t open_cases_for_overdue_invoices(Connection& c, const Date& today, int grace_days, const std::string& now) {
    // Ids are 'cas_' + 20 hex digits (80 random bits, like client and contract ids).
    c.prepare("INSERT INTO collection_cases (case_id, invoice_id, client_id, status, opened_on, created_at, "
              "updated_at) SELECT 'cas_' || lower(hex(randomblob(10))), i.invoice_id, i.client_id, 'open', "
              "date(i.due_date, ?3), ?2, ?2 FROM invoices i WHERE i.status IN ('open', 'partially_paid') "
              "AND i.due_date < ?1 AND i.total_minor > i.paid_minor "
              "AND NOT EXISTS (SELECT 1 FROM collection_cases k WHERE k.invoice_id = i.invoice_id) "
              "ORDER BY i.due_date, i.invoice_number")
        .bind(today.plus_days(-grace_days).to_iso(), now, "+" + std::to_string(grace_days + 1) + " days")
        .run();
    return c.changes();
}

std::optional<std::string> close_case_paid(Connection& c, std::string_view invoice_id, const Date& today,
                                           const std::string& now) {
    auto st = c.prepare("UPDATE collection_cases SET status = 'closed', closed_on = ?2, close_reason = 'paid', "
                        "updated_at = ?3 WHERE invoice_id = ?1 AND status <> 'closed' RETURNING case_id");
    st.bind(invoice_id, today.to_iso(), now);
    std::optional<std::string> closed;
    while (st.step())
        closed = st.text(0);
    return closed;
}

std::int64_t count_cases(Connection& c, const CaseFilter& f, const Date& today) {
    return count_rows(c,
                      std::string("SELECT COUNT(*) FROM collection_cases k JOIN invoices i ON i.invoice_id = "
                                  "k.invoice_id") +
                          case_where,
                      today.to_iso(), status_param(f.status), f.client_id, f.min_days_overdue.value_or(-1));
}

std::vector<CollectionCase> list_cases(Connection& c, const CaseFilter& f, const Date& today, std::int64_t limit,
                                       std::int64_t offset) {
    return read_page(c, std::string(case_select) + case_where + " ORDER BY i.due_date, k.case_id", limit, offset,
                     read_case, today.to_iso(), status_param(f.status), f.client_id, f.min_days_overdue.value_or(-1));
}

std::optional<CollectionCase> find_case(Connection& c, std::string_view case_id, const Date& today) {
    auto st = c.prepare(std::string(case_select) + " WHERE k.case_id = ?2");
    st.bind(today.to_iso(), case_id);
    if (!st.step())
        return std::nullopt;
    return read_case(st);
}

void update_case_status(Connection& c, std::string_view case_id, CaseStatus status,
                        const std::optional<std::string>& closed_on, const std::optional<std::string>& close_reason,
                        const std::string& now) {
    c.prepare("UPDATE collection_cases SET status = ?2, closed_on = ?3, close_reason = ?4, updated_at = ?5 "
              "WHERE case_id = ?1")
        .bind(case_id, std::string(to_string(status)), closed_on, close_reason, now)
        .run();
}

CollectionAction insert_action(Connection& c, CollectionAction a) {
    auto st = c.prepare("INSERT INTO collection_actions (case_id, kind, note, actor, at) VALUES (?1, ?2, ?3, ?4, ?5) "
                        "RETURNING action_id");
    st.bind(a.case_id, std::string(to_string(a.kind)), a.note, a.actor, a.at);
    while (st.step())
        a.action_id = st.integer(0);
    return a;
}

std::int64_t count_actions(Connection& c, std::string_view case_id) {
    return count_rows(c, "SELECT COUNT(*) FROM collection_actions WHERE case_id = ?1", case_id);
}

std::vector<CollectionAction> list_actions(Connection& c, std::string_view case_id, std::int64_t limit,
                                           std::int64_t offset) {
    return read_page(c,
                     "SELECT action_id, case_id, kind, note, actor, at FROM collection_actions WHERE case_id = ?1 "
                     "ORDER BY action_id",
                     limit, offset, read_action, case_id);
}

ReceivablesFigures receivables(Connection& c, std::string_view currency, const Date& today) {
    ReceivablesFigures r;
    {
        auto st =
            c.prepare("SELECT COALESCE(SUM(total_minor - paid_minor), 0), COUNT(*) FROM invoices "
                      "WHERE status IN ('open', 'partially_paid') AND total_minor > paid_minor AND currency = ?1");
        st.bind(currency);
        st.step();
        r.outstanding_minor = st.integer(0);
        r.outstanding_count = st.integer(1);
    }
    // One row per due date in the past: few rows, however many invoices.
    auto st = c.prepare("SELECT CAST(julianday(?2) - julianday(due_date) AS INTEGER), SUM(total_minor - paid_minor), "
                        "COUNT(*) FROM invoices WHERE status IN ('open', 'partially_paid') AND due_date < ?2 "
                        "AND total_minor > paid_minor AND currency = ?1 GROUP BY due_date");
    st.bind(currency, today.to_iso());
    while (st.step())
        r.overdue.push_back({st.integer(0), st.integer(1), st.integer(2)});
    return r;
}

std::vector<std::int64_t> count_cases_by_status(Connection& c) {
    std::vector<std::int64_t> counts(all_case_statuses.size(), 0);
    auto st = c.prepare("SELECT status, COUNT(*) FROM collection_cases GROUP BY status");
    while (st.step())
        if (const auto s = parse_case_status(st.text(0)))
            counts[static_cast<std::size_t>(*s)] = st.integer(1);
    return counts;
}

} // namespace isp::store
