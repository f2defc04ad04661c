// The billing section: running a period (confirmation with the preview's figures, the run
// with its Idempotency-Key kept across a retry, the result), invoices with filters and
// pages, an invoice with its PDF, and what a viewer is not offered.
#include <doctest/doctest.h>

#include <cstdio>

#include "shared/wire/billing_run_json.h"

#include "console/app/billing.h"
#include "console_fixture.h"
#include "shared/wire/invoice_json.h"
#include "shared/wire/page_json.h"

namespace isp::console::test {
namespace {

const Date today = *parse_iso_date("2026-11-23");

Invoice invoice(std::string id, std::string number, std::int64_t total_minor, std::int64_t paid_minor = 0) {
    Invoice i;
    i.invoice_id = std::move(id);
    i.invoice_number = std::move(number);
    i.billing_run_id = "run_1";
    i.client_id = "cli_1";
    i.contract_id = "ctr_1";
    i.period = "2026-11";
    i.period_start = *parse_iso_date("2026-11-01");
    i.period_end = *parse_iso_date("2026-11-30");
    i.issue_date = *parse_iso_date("2026-11-01");
    i.due_date = *parse_iso_date("2026-12-01");
    i.subtotal_minor = total_minor * 10 / 12;
    i.tax_minor = total_minor - i.subtotal_minor;
    i.total_minor = total_minor;
    i.paid_minor = paid_minor;
    i.settlement = settlement_for(total_minor, paid_minor);
    i.client = {"Amina", "Alaoui", "AB123456", "12 rue des Orangers, Rabat", "amina@example.ma"};
    i.created_at = "2026-11-01T02:00:00Z";
    return i;
}

nlohmann::json with_line(Invoice i) {
    InvoiceLine l;
    l.offer_id = "off_1";
    l.offer_name = "Fibre 100";
    l.service_family = ServiceFamily::Internet;
    l.service_identifier = "FTTH-1";
    l.from_date = i.period_start;
    l.to_date = i.period_end;
    l.days = 30;
    l.days_in_period = 30;
    l.monthly_price_minor = i.subtotal_minor;
    l.tax_rate_bp = 2000;
    l.amount_minor = i.subtotal_minor;
    l.tax_minor = i.tax_minor;
    l.total_minor = i.total_minor;
    i.lines.push_back(l);
    return wire::to_json(i, today);
}

nlohmann::json not_found() {
    return {{"type", "about:blank"},
            {"title", "not_found"},
            {"status", 404},
            {"code", "not_found"},
            {"request_id", "5f0c2b9e8d7a6f42"}};
}

// Signed in with `roles`, at the billing runs (the run list not in the server yet: 404).
void at_billing(ConsoleFixture& c, std::string_view roles) {
    c.open_signed_in(roles);
    c.settle();
    c.http.script("GET", "/billing/runs", 404, not_found().dump());
    c.app().go(Place{"billing", "", ""});
    c.settle();
}

Billing& billing(ConsoleFixture& c) {
    return static_cast<Billing&>(*c.app().find("billing"));
}

} // namespace

TEST_CASE("run a period: the confirmation says how many contracts and the total; a retry sends the same key") {
    ConsoleFixture c;
    at_billing(c, "ops");
    CHECK(c.state()["billing"]["screen"] == "runs");
    CHECK(c.state()["billing"]["runs"].empty());
    CHECK(c.state()["notice"] == ""); // the list not there yet is not a failure
    CHECK(c.state()["billing"]["can_run"] == true);

    Billing& b = billing(c);
    b.start_run();
    CHECK(c.state()["billing"]["run"]["step"] == "period");
    b.run_period = "2026-13";
    b.preview_run();
    CHECK_FALSE(c.state()["billing"]["run"]["period_error"].get<std::string>().empty());
    CHECK(c.http.sent_to("GET", "/billing/runs/preview").empty());

    b.run_period = "2026-11";
    c.answer("GET", "/billing/runs/preview", 200,
             wire::to_json(BillingRunPreview{"2026-11", 42, 3, "MAD", 1000000, 200000, 1200000}));
    b.preview_run();
    CHECK(c.state()["busy"] == "loading");
    c.settle();
    const auto preview = c.http.sent_to("GET", "/billing/runs/preview");
    REQUIRE(preview.size() == 1);
    CHECK(query_value(preview[0], "period") == "2026-11");
    CHECK(c.state()["billing"]["run"]["step"] == "confirm");
    CHECK(c.state()["billing"]["run"]["contract_count"] == 42);
    CHECK(c.state()["billing"]["run"]["expected_total_minor"] == 1200000);

    // The network fails during the run: nothing is known to be done, the retry is offered.
    c.http.fail_network("POST", "/billing/runs");
    b.confirm_run();
    CHECK(c.state()["billing"]["run"]["step"] == "running");
    CHECK(c.state()["busy"] == "running");
    c.settle();
    CHECK(c.state()["billing"]["run"]["step"] == "confirm");
    REQUIRE(b.notice());
    REQUIRE(b.notice()->retry);

    BillingRunResult result;
    result.billing_run_id = "run_7";
    result.period = "2026-11";
    result.invoice_ids = {"inv_1", "inv_2"};
    result.currency = "MAD";
    result.subtotal_minor = 50000;
    result.tax_minor = 10000;
    result.total_minor = 60000;
    c.answer("POST", "/billing/runs", 201, wire::to_json(result));
    c.http.script("GET", "/billing/runs", 404, not_found().dump());
    b.notice()->retry();
    c.settle();
    const auto runs = c.http.sent_to("POST", "/billing/runs");
    REQUIRE(runs.size() == 2);
    CHECK(nlohmann::json::parse(runs[0].body) == nlohmann::json{{"period", "2026-11"}});
    CHECK(runs[0].body == runs[1].body);
    CHECK_FALSE(header(runs[0], "Idempotency-Key").empty());
    CHECK(header(runs[0], "Idempotency-Key") == header(runs[1], "Idempotency-Key"));
    CHECK(header(runs[1], "X-CSRF-Token") == "csrf-test-token");
    CHECK(c.state()["billing"]["run"]["step"] == "result");
    CHECK(c.state()["billing"]["run"]["result"]["invoice_count"] == 2);
    CHECK(c.state()["billing"]["run"]["result"]["total_minor"] == 60000);

    // The result's link: the invoices of that period.
    c.answer("GET", "/invoices", 200,
             wire::page_json(nlohmann::json::array({wire::to_json(invoice("inv_1", "FAC-2026-000001", 30000), today)}),
                             {1, 20, 1}));
    b.open_run_invoices();
    c.settle();
    CHECK(c.state()["place"]["filter"] == "invoices:period=2026-11");
    CHECK(c.state()["billing"]["run"]["step"] == "closed");
    CHECK(c.state()["billing"]["invoices"]["numbers"] == nlohmann::json::array({"FAC-2026-000001"}));
    CHECK(query_value(c.http.sent_to("GET", "/invoices").back(), "period") == "2026-11");

    // A second run of the same period is a new request: a new key.
    c.http.script("GET", "/billing/runs/preview", 404, not_found().dump());
    b.start_run();
    b.run_period = "2026-11";
    b.preview_run();
    c.settle();
    result.billing_run_id.reset();
    result.invoice_ids.clear();
    result.total_minor = result.subtotal_minor = result.tax_minor = 0;
    c.answer("POST", "/billing/runs", 200, wire::to_json(result));
    b.confirm_run();
    c.settle();
    const auto again = c.http.sent_to("POST", "/billing/runs");
    REQUIRE(again.size() == 3);
    CHECK(header(again[2], "Idempotency-Key") != header(again[0], "Idempotency-Key"));
}

TEST_CASE("no preview in the server yet: the confirmation comes without figures") {
    ConsoleFixture c;
    at_billing(c, "admin");
    Billing& b = billing(c);
    b.start_run();
    b.run_period = "2026-10";
    c.http.script("GET", "/billing/runs/preview", 404, not_found().dump());
    b.preview_run();
    c.settle();
    CHECK(c.state()["billing"]["run"]["step"] == "confirm");
    CHECK(c.state()["billing"]["run"]["contract_count"].is_null());
    CHECK(c.state()["notice"] == "");
    b.close_run();
    CHECK(c.state()["billing"]["run"]["step"] == "closed");
    CHECK(c.http.sent_to("POST", "/billing/runs").empty());
}

TEST_CASE("a refused run (a month to come) says why and is a new request next time") {
    ConsoleFixture c;
    at_billing(c, "ops");
    Billing& b = billing(c);
    b.start_run();
    b.run_period = "2027-02";
    c.http.script("GET", "/billing/runs/preview", 404, not_found().dump());
    b.preview_run();
    c.settle();
    c.problem("POST", "/billing/runs", 422, "period_in_future", "2027-02 has not started yet.");
    b.confirm_run();
    c.settle();
    CHECK(c.state()["billing"]["run"]["step"] == "confirm");
    CHECK(c.state()["notice"].get<std::string>().find("2027-02 has not started yet.") != std::string::npos);
}

TEST_CASE("invoices: one list read page by page as it is scrolled; filters and sort go to the server") {
    ConsoleFixture c;
    at_billing(c, "viewer");
    Billing& b = billing(c);
    // Page n of 250 invoices, 100 a page.
    const auto page = [](std::int64_t n) {
        nlohmann::json items = nlohmann::json::array();
        for (std::int64_t i = (n - 1) * 100; i < std::min<std::int64_t>(n * 100, 250); ++i) {
            char number[32];
            std::snprintf(number, sizeof number, "FAC-2026-%06lld", static_cast<long long>(i + 1));
            items.push_back(wire::to_json(invoice("inv_" + std::to_string(i + 1), number, 30000), today));
        }
        return wire::page_json(std::move(items), {n, 100, 250});
    };
    c.answer("GET", "/invoices", 200, page(1));
    c.app().go(Place{"billing", "", "invoices:status=overdue&client_id=cli_1"});
    c.settle();
    auto sent = c.http.sent_to("GET", "/invoices");
    REQUIRE(sent.size() == 1);
    CHECK(query_value(sent[0], "status") == "overdue");
    CHECK(query_value(sent[0], "client_id") == "cli_1");
    CHECK(query_value(sent[0], "page") == "1");
    CHECK(query_value(sent[0], "per_page") == "100");
    CHECK(query_value(sent[0], "sort") == "");
    CHECK(c.state()["billing"]["screen"] == "invoices");
    CHECK(c.state()["billing"]["invoices"]["total"] == 250);
    CHECK(b.invoice_count() == 250);
    CHECK(b.filters.status == "overdue");
    CHECK(c.state()["billing"]["invoices"]["numbers"].size() == 100);

    // Scrolled to rows 180-205: page 2 is asked for, and page 3 ahead of the scroll.
    c.answer("GET", "/invoices", 200, page(2));
    c.answer("GET", "/invoices", 200, page(3));
    b.show_invoice_rows(180, 205, 1000.0);
    CHECK(c.state()["billing"]["invoices"]["missing"] == 26); // drawn as placeholders until here
    c.settle();
    sent = c.http.sent_to("GET", "/invoices");
    REQUIRE(sent.size() == 3);
    CHECK(query_value(sent[1], "page") == "2");
    CHECK(query_value(sent[2], "page") == "3");
    CHECK(query_value(sent[1], "status") == "overdue");
    b.show_invoice_rows(180, 205, 1040.0);
    CHECK(c.state()["billing"]["invoices"]["missing"] == 0);
    CHECK(c.state()["billing"]["invoices"]["numbers"][0] == "FAC-2026-000181");
    CHECK(b.invoice_row(199)->invoice.invoice_number == "FAC-2026-000200");

    // A column header: the server sorts (a new place, so Back returns to the former order).
    c.answer("GET", "/invoices", 200, page(1));
    b.sort_by({InvoiceSortKey::Total, true}); // by total, largest first
    c.settle();
    sent = c.http.sent_to("GET", "/invoices");
    CHECK(query_value(sent.back(), "sort") == "-total");
    CHECK(query_value(sent.back(), "page") == "1");
    CHECK(query_value(sent.back(), "status") == "overdue");
    CHECK(c.state()["place"]["filter"] == "invoices:status=overdue&client_id=cli_1&sort=-total");
    c.answer("GET", "/invoices", 200, page(1));
    b.sort_by(default_invoice_sort); // the third click: the list's own order, newest first
    c.settle();
    CHECK(query_value(c.http.sent_to("GET", "/invoices").back(), "sort") == "");

    b.filters.status.clear();
    b.filters.offer_id = "off_9";
    c.answer("GET", "/invoices", 200, page(1));
    b.apply_filters();
    c.settle();
    sent = c.http.sent_to("GET", "/invoices");
    CHECK(query_value(sent.back(), "offer_id") == "off_9");
    CHECK(query_value(sent.back(), "status") == "");
    CHECK(query_value(sent.back(), "client_id") == "cli_1");
    CHECK(c.state()["place"]["filter"] == "invoices:client_id=cli_1&offer_id=off_9");
}

TEST_CASE("an invoice: lines, outstanding, status; its PDF opens; its customer is a link") {
    ConsoleFixture c;
    at_billing(c, "ops");
    Billing& b = billing(c);
    c.answer("GET", "/invoices/{invoice_id}", 200, with_line(invoice("inv_1", "FAC-2026-000001", 41880, 10000)));
    c.app().go(Place{"billing", "inv_1", "invoice"});
    c.settle();
    CHECK(c.state()["billing"]["screen"] == "invoice");
    CHECK(c.state()["billing"]["invoice"]["invoice_number"] == "FAC-2026-000001");
    CHECK(c.state()["billing"]["invoice"]["status"] == "partially_paid");
    CHECK(c.state()["billing"]["invoice"]["outstanding_minor"] == 31880);
    CHECK(c.state()["billing"]["invoice"]["lines"] == 1);

    b.open_pdf();
    REQUIRE(c.browser.opened_documents.size() == 1);
    CHECK(c.browser.opened_documents[0] == "../api/v1/invoices/inv_1/pdf");

    b.open_customer();
    CHECK(c.state()["place"]["section"] == "customers");
    CHECK(c.state()["place"]["id"] == "cli_1");
}

TEST_CASE("a viewer is offered no run and no payment, and the commands do nothing") {
    ConsoleFixture c;
    at_billing(c, "viewer");
    Billing& b = billing(c);
    CHECK(c.state()["billing"]["can_run"] == false);
    CHECK(c.state()["billing"]["can_record_payment"] == false);
    b.start_run();
    CHECK(c.state()["billing"]["run"]["step"] == "closed");
    b.confirm_run();
    CHECK(c.http.sent_to("POST", "/billing/runs").empty());

    c.answer("GET", "/invoices/{invoice_id}", 200, with_line(invoice("inv_1", "FAC-2026-000001", 41880)));
    c.app().go(Place{"billing", "inv_1", "invoice"});
    c.settle();
    b.record_payment();
    CHECK(c.state()["billing"]["payment_form"]["open"] == false);
    b.open_pdf(); // reading is a viewer's
    CHECK(c.browser.opened_documents.size() == 1);
}

} // namespace isp::console::test
