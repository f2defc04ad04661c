#include "server/store/dunning_store.h"

#include "server/store/database.h"

namespace isp::store {
namespace {

constexpr const char* dunning_case_select =
    "SELECT k.case_id, i.invoice_id, i.invoice_number, i.contract_id, i.client_id, i.due_date, "
    "i.total_minor - i.paid_minor, i.currency, "
    "(SELECT group_concat(a.dunning_step, ',') FROM collection_actions a "
    " WHERE a.case_id = k.case_id AND a.dunning_step IS NOT NULL) "
    "FROM collection_cases k JOIN invoices i ON i.invoice_id = k.invoice_id "
    "WHERE k.status IN ('open', 'in_progress') AND i.total_minor > i.paid_minor";

DunningCase dunning_case_row(const Statement& st) {
    DunningCase d;
    d.case_id = st.text(0);
    d.invoice_id = st.text(1);
    d.invoice_number = st.text(2);
    d.contract_id = st.text(3);
    d.client_id = st.text(4);
    d.due_date = parse_iso_date(st.text(5)).value_or(Date{});
    d.outstanding_minor = st.integer(6);
    d.currency = st.text(7);
    std::string steps = st.optional_text(8).value_or("");
    for (std::size_t start = 0; start < steps.size();) {
        const std::size_t comma = std::min(steps.find(',', start), steps.size());
        d.settled_steps.insert(steps.substr(start, comma - start));
        start = comma + 1;
    }
    return d;
}

// "Past due and not fully paid" on day ?1, for the invoices of the contract `contract`
// names (a parameter, or the outer query's column).
std::string overdue_debt_of(const std::string& contract) {
    return "SELECT 1 FROM invoices i WHERE i.contract_id = " + contract +
           " AND i.status IN ('open', 'partially_paid') AND i.due_date < ?1 AND i.total_minor > i.paid_minor";
}

} // namespace

std::vector<DunningCase> list_dunning_cases(Connection& c, const Date& due_on_or_before) {
    auto st = c.prepare(std::string(dunning_case_select) + " AND i.due_date <= ?1 ORDER BY i.due_date, k.case_id");
    st.bind(due_on_or_before.to_iso());
    std::vector<DunningCase> out;
    while (st.step())
        out.push_back(dunning_case_row(st));
    return out;
}

std::optional<DunningCase> find_dunning_case(Connection& c, std::string_view case_id) {
    auto st = c.prepare(std::string(dunning_case_select) + " AND k.case_id = ?1");
    st.bind(case_id);
    if (!st.step())
        return std::nullopt;
    return dunning_case_row(st);
}

bool record_dunning_step(Connection& c, const CollectionAction& a, std::string_view step) {
    c.prepare("INSERT INTO collection_actions (case_id, kind, note, actor, at, dunning_step) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (case_id, dunning_step) WHERE dunning_step IS NOT NULL "
              "DO NOTHING")
        .bind(a.case_id, std::string(to_string(a.kind)), a.note, a.actor, a.at, step)
        .run();
    return c.changes() > 0;
}

void record_non_payment_suspension(Connection& c, std::string_view contract_id, std::string_view case_id,
                                   const Date& suspended_on) {
    c.prepare("INSERT INTO non_payment_suspensions (contract_id, case_id, suspended_on) VALUES (?1, ?2, ?3) "
              "ON CONFLICT (contract_id, case_id) DO NOTHING")
        .bind(contract_id, case_id, suspended_on.to_iso())
        .run();
}

bool under_non_payment_suspension(Connection& c, std::string_view contract_id) {
    auto st = c.prepare("SELECT 1 FROM non_payment_suspensions WHERE contract_id = ?1 AND resumed_on IS NULL");
    st.bind(contract_id);
    return st.step();
}

std::vector<std::string> non_payment_suspension_cases(Connection& c, std::string_view contract_id) {
    auto st = c.prepare("SELECT case_id FROM non_payment_suspensions WHERE contract_id = ?1 AND resumed_on IS NULL "
                        "ORDER BY suspended_on, case_id");
    st.bind(contract_id);
    std::vector<std::string> out;
    while (st.step())
        out.push_back(st.text(0));
    return out;
}

std::vector<std::string> contracts_to_resume(Connection& c, const Date& today) {
    auto st = c.prepare("SELECT DISTINCT s.contract_id FROM non_payment_suspensions s WHERE s.resumed_on IS NULL "
                        "AND NOT EXISTS (" +
                        overdue_debt_of("s.contract_id") + ") ORDER BY s.contract_id");
    st.bind(today.to_iso());
    std::vector<std::string> out;
    while (st.step())
        out.push_back(st.text(0));
    return out;
}

bool has_overdue_debt(Connection& c, std::string_view contract_id, const Date& today) {
    auto st = c.prepare(overdue_debt_of("?2"));
    st.bind(today.to_iso(), contract_id);
    return st.step();
}

void end_non_payment_suspensions(Connection& c, std::string_view contract_id, const Date& resumed_on) {
    c.prepare("UPDATE non_payment_suspensions SET resumed_on = ?2 WHERE contract_id = ?1 AND resumed_on IS NULL")
        .bind(contract_id, resumed_on.to_iso())
        .run();
}

} // namespace isp::store
