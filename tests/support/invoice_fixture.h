// Invoices for payment and collections tests, written straight into the test server's
// SQLite file (a billing run row and its invoice), so those tests choose issue and due
// dates and totals freely and do not depend on the billing engine.
#pragma once
#include <cstdint>
#include <string>
#include <utility>

namespace isp::test {

class TestServer;

struct InvoiceSpec {
    std::string client_id = "cli_demo_amina";
    std::string contract_id = "ctr_demo_amina";
    std::string issue_date = "2026-11-01";
    std::string due_date = "2026-11-30";
    std::int64_t total_minor = 12000;
    std::string currency = "MAD";
    std::int64_t paid_minor = 0; // status follows: open, partially_paid or paid
    std::string period;          // "YYYY-MM"; empty: a unique one (contract + period is UNIQUE)

    // InvoiceSpec().due("2026-11-30").total(12000): only what a test cares about.
    InvoiceSpec& of(std::string client, std::string contract) {
        client_id = std::move(client);
        contract_id = std::move(contract);
        return *this;
    }
    InvoiceSpec& due(std::string date) {
        due_date = std::move(date);
        return *this;
    }
    InvoiceSpec& total(std::int64_t minor) {
        total_minor = minor;
        return *this;
    }
    InvoiceSpec& paid(std::int64_t minor) {
        paid_minor = minor;
        return *this;
    }
};

// Inserts a billing run and the invoice; returns the invoice id ("inv_test_N").
std::string insert_invoice(const TestServer& server, const InvoiceSpec& spec);
std::string invoice_number_of(const TestServer& server, const std::string& invoice_id);

// The invoice's settlement as stored.
struct InvoiceState {
    std::int64_t paid_minor = 0;
    std::string status;
    std::int64_t payment_count = 0;
};
InvoiceState invoice_state(const TestServer& server, const std::string& invoice_id);

} // namespace isp::test
