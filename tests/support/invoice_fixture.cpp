#include "invoice_fixture.h"

#include <atomic>
#include <cstdio>

#include "server/store/database.h"
#include "test_server.h"

namespace isp::test {
namespace {

std::atomic<int> counter{0};

} // namespace

std::string insert_invoice(const TestServer& server, const InvoiceSpec& spec) {
    const int n = ++counter;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d", 1900 + n / 12, n % 12 + 1);
    const std::string period = spec.period.empty() ? std::string(buf) : spec.period;
    std::snprintf(buf, sizeof buf, "FAC-2026-%06d", 900000 + n);
    const std::string number = buf;
    const std::string run_id = "run_test_" + std::to_string(n);
    const std::string invoice_id = "inv_test_" + std::to_string(n);
    const std::string status = spec.paid_minor >= spec.total_minor ? "paid"
                               : spec.paid_minor > 0               ? "partially_paid"
                                                                   : "open";
    const std::string now = "2026-11-01T00:00:00Z";
    const std::int64_t tax = spec.total_minor / 6; // 20 % included: the split does not matter here

    store::Connection c(server.db_path(), false);
    c.exec("BEGIN IMMEDIATE");
    c.prepare("INSERT INTO billing_runs (billing_run_id, period, actor, started_at, completed_at, invoice_count, "
              "currency, subtotal_minor, tax_minor, total_minor) VALUES (?1, ?2, 'test', ?3, ?3, 1, ?4, ?5, ?6, ?7)")
        .bind(run_id, period, now, spec.currency, spec.total_minor - tax, tax, spec.total_minor)
        .run();
    c.prepare("INSERT INTO invoices (invoice_id, invoice_number, billing_run_id, client_id, contract_id, period, "
              "period_start, period_end, issue_date, due_date, currency, subtotal_minor, tax_minor, total_minor, "
              "paid_minor, status, client_snapshot, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, "
              "?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, '{}', ?15, ?15)")
        .bind(invoice_id, number, run_id, spec.client_id, spec.contract_id, period, spec.issue_date, spec.due_date,
              spec.currency, spec.total_minor - tax, tax, spec.total_minor, spec.paid_minor, status, now)
        .run();
    c.exec("COMMIT");
    return invoice_id;
}

std::string invoice_number_of(const TestServer& server, const std::string& invoice_id) {
    store::Connection c(server.db_path(), true);
    auto st = c.prepare("SELECT invoice_number FROM invoices WHERE invoice_id = ?1");
    st.bind(invoice_id);
    return st.step() ? st.text(0) : std::string();
}

InvoiceState invoice_state(const TestServer& server, const std::string& invoice_id) {
    store::Connection c(server.db_path(), true);
    auto st = c.prepare("SELECT paid_minor, status, (SELECT COUNT(*) FROM payments p WHERE p.invoice_id = ?1) "
                        "FROM invoices WHERE invoice_id = ?1");
    st.bind(invoice_id);
    if (!st.step())
        return {};
    return {st.integer(0), st.text(1), st.integer(2)};
}

} // namespace isp::test
