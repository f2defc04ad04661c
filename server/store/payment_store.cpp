#include "server/store/payment_store.h"

#include "server/store/database.h"
#include "server/store/paged_query.h"

namespace isp::store {
namespace {

// One statement text for every filter combination: an absent filter binds NULL and
// matches everything, so the statement cache holds one entry, not one per combination.
constexpr const char* filter_where = " WHERE (?1 IS NULL OR p.invoice_id = ?1) AND (?2 IS NULL OR p.client_id = ?2)"
                                     " AND (?3 IS NULL OR p.method = ?3) AND (?4 IS NULL OR p.received_on >= ?4)"
                                     " AND (?5 IS NULL OR p.received_on <= ?5)";

std::optional<std::string> date_param(const std::optional<Date>& d) {
    return d ? std::optional<std::string>(d->to_iso()) : std::nullopt;
}

std::optional<std::string> method_param(const std::optional<PaymentMethod>& m) {
    return m ? std::optional<std::string>(std::string(to_string(*m))) : std::nullopt;
}

// A row of list_payments' SELECT.
PaymentRecord read_payment(const Statement& st) {
    PaymentRecord p;
    p.payment_id = st.text(0);
    p.invoice_id = st.text(1);
    p.invoice_number = st.text(2);
    p.client_id = st.text(3);
    p.amount = Money{st.integer(4), st.text(5)};
    p.method = parse_payment_method(st.text(6)).value_or(PaymentMethod::Cash);
    p.reference = st.text(7);
    p.allocation = st.text(8) == "full" ? Allocation::Full : Allocation::Partial;
    p.received_on = st.text(9);
    p.actor = st.text(10);
    p.created_at = st.text(11);
    return p;
}

} // namespace

std::optional<InvoiceBalance> find_invoice_balance(Connection& c, std::string_view invoice_id) {
    auto st = c.prepare("SELECT invoice_id, invoice_number, client_id, currency, total_minor, paid_minor, status, "
                        "due_date FROM invoices WHERE invoice_id = ?1");
    st.bind(invoice_id);
    if (!st.step())
        return std::nullopt;
    return InvoiceBalance{st.text(0),    st.text(1),    st.text(2), st.text(3),
                          st.integer(4), st.integer(5), st.text(6), st.text(7)};
}

std::string invoice_contract_id(Connection& c, std::string_view invoice_id) {
    auto st = c.prepare("SELECT contract_id FROM invoices WHERE invoice_id = ?1");
    st.bind(invoice_id);
    return st.step() ? st.text(0) : std::string();
}

void update_invoice_settlement(Connection& c, std::string_view invoice_id, std::int64_t paid_minor,
                               InvoiceSettlement settlement, const std::string& now) {
    c.prepare("UPDATE invoices SET paid_minor = ?2, status = ?3, updated_at = ?4 WHERE invoice_id = ?1")
        .bind(invoice_id, paid_minor, std::string(to_string(settlement)), now)
        .run();
}

void insert_payment(Connection& c, const PaymentRecord& p) {
    c.prepare("INSERT INTO payments (payment_id, invoice_id, client_id, amount_minor, currency, method, reference, "
              "allocation, received_on, actor, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")
        .bind(p.payment_id, p.invoice_id, p.client_id, p.amount.amount_minor, p.amount.currency,
              std::string(to_string(p.method)), p.reference, std::string(to_string(p.allocation)), p.received_on,
              p.actor, p.created_at)
        .run();
}

std::int64_t count_payments(Connection& c, const PaymentFilter& f) {
    return count_rows(c, std::string("SELECT COUNT(*) FROM payments p") + filter_where, f.invoice_id, f.client_id,
                      method_param(f.method), date_param(f.received_from), date_param(f.received_to));
}

std::vector<PaymentRecord> list_payments(Connection& c, const PaymentFilter& f, std::int64_t limit,
                                         std::int64_t offset) {
    return read_page(c,
                     std::string("SELECT p.payment_id, p.invoice_id, i.invoice_number, p.client_id, p.amount_minor, "
                                 "p.currency, p.method, p.reference, p.allocation, p.received_on, p.actor, "
                                 "p.created_at FROM payments p JOIN invoices i ON i.invoice_id = p.invoice_id") +
                         filter_where + " ORDER BY p.rowid DESC",
                     limit, offset, read_payment, f.invoice_id, f.client_id, method_param(f.method),
                     date_param(f.received_from), date_param(f.received_to));
}

} // namespace isp::store
