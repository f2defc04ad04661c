// The customers section: search as typed (one request on its way at a time, the latest text
// next), a customer's page and its links, creating and editing with the shared rules checked
// as typed, and what a viewer is offered.
#include <doctest/doctest.h>

#include "console/app/customers.h"
#include "customer_answers.h"
#include "shared/wire/collection_case_json.h"
#include "shared/wire/customer_notification_json.h"
#include "shared/wire/payment_json.h"

namespace isp::console::test {
namespace {

Customers& customers(ConsoleFixture& c) {
    return static_cast<Customers&>(*c.app().find("customers"));
}

// Signed in with `roles`, on the customers' list (every customer, none yet).
void open_list(ConsoleFixture& c, std::string_view roles = "ops") {
    c.open_signed_in(roles);
    c.settle();
    c.answer("GET", "/customers", 200, page_of(nlohmann::json::array()));
    c.app().go(Place{"customers", {}, {}});
    c.settle();
}

// The answers a customer's page waits for: the customer, one contract and its audit trail,
// an invoice, a payment and a collection case.
void answer_customer_page(ConsoleFixture& c) {
    c.answer("GET", "/customers/{client_id}", 200, wire::to_json(amina()));
    c.answer("GET", "/contracts", 200,
             page_of(nlohmann::json::array({wire::contract_summary_json(contract_of("ctr_7"), mobile_offer())})));
    c.answer("GET", "/invoices", 200,
             page_of(nlohmann::json::array({{{"invoice_id", "inv_5"},
                                             {"invoice_number", "FAC-2026-000005"},
                                             {"billing_run_id", "run_1"},
                                             {"client_id", "cli_43"},
                                             {"contract_id", "ctr_7"},
                                             {"period", "2026-03"},
                                             {"period_start", "2026-03-01"},
                                             {"period_end", "2026-03-31"},
                                             {"issue_date", "2026-04-01"},
                                             {"due_date", "2026-04-15"},
                                             {"status", "overdue"},
                                             {"subtotal", {{"amount_minor", 9900}, {"currency", "MAD"}}},
                                             {"tax", {{"amount_minor", 1980}, {"currency", "MAD"}}},
                                             {"total", {{"amount_minor", 11880}, {"currency", "MAD"}}},
                                             {"paid", {{"amount_minor", 0}, {"currency", "MAD"}}},
                                             {"outstanding", {{"amount_minor", 11880}, {"currency", "MAD"}}},
                                             {"client",
                                              {{"first_name", "Amina"},
                                               {"last_name", "El Idrissi"},
                                               {"cin", "AB123456"},
                                               {"address", "12 rue des Orangers, Rabat"},
                                               {"email", "amina@example.ma"}}},
                                             {"created_at", "2026-04-01T02:00:00Z"}}})));
    PaymentRecord payment;
    payment.payment_id = "pay_1";
    payment.invoice_id = "inv_4";
    payment.invoice_number = "FAC-2026-000004";
    payment.client_id = "cli_43";
    payment.amount = {11880, "MAD"};
    payment.reference = "R-1";
    payment.received_on = "2026-03-10";
    payment.actor = "ops";
    payment.created_at = "2026-03-10T10:00:00Z";
    c.answer("GET", "/collections/payments", 200, page_of(nlohmann::json::array({wire::to_json(payment)})));
    CollectionCase kase;
    kase.case_id = "case_2";
    kase.invoice_id = "inv_5";
    kase.invoice_number = "FAC-2026-000005";
    kase.client_id = "cli_43";
    kase.client_name = "Amina El Idrissi";
    kase.opened_on = "2026-04-16";
    kase.due_date = "2026-04-15";
    kase.invoice_total = {11880, "MAD"};
    kase.outstanding = {11880, "MAD"};
    kase.days_overdue = 20;
    kase.created_at = kase.updated_at = "2026-04-16T00:00:00Z";
    c.answer("GET", "/collections/cases", 200, page_of(nlohmann::json::array({wire::to_json(kase)})));
    c.answer("GET", "/contracts/{contract_id}/audit", 200, audit_page("ctr_7"));
    CustomerNotification sent;
    sent.notification_id = "ntf_1";
    sent.client_id = "cli_43";
    sent.event_type = "invoice.issued";
    sent.recipient = "amina@example.ma";
    sent.subject = "Votre facture FAC-2026-000005";
    sent.state = "sent";
    sent.attempts = 1;
    sent.sent_at = sent.created_at = "2026-04-01T02:00:05Z";
    CustomerNotification failing = sent;
    failing.notification_id = "ntf_2";
    failing.event_type = "invoice.reminder";
    failing.subject = "Rappel : facture FAC-2026-000005 impayée";
    failing.state = "pending";
    failing.attempts = 2;
    failing.last_error = "relay unreachable";
    failing.sent_at.reset();
    c.answer("GET", "/customers/{client_id}/notifications", 200,
             page_of(nlohmann::json::array({wire::to_json(failing), wire::to_json(sent)})));
}

} // namespace

TEST_CASE("a search by CIN finds the customer and opens their page with every list") {
    ConsoleFixture c;
    open_list(c);
    c.answer("GET", "/customers", 200, page_of(nlohmann::json::array({wire::to_json(amina())})));
    customers(c).search("ab 123456");
    c.settle();
    const auto searches = c.http.sent_to("GET", "/customers");
    REQUIRE(searches.size() == 2);
    CHECK(query_value(searches[1], "q") == "ab%20123456");
    CHECK(c.state()["customers"]["ids"] == nlohmann::json::array({"cli_43"}));

    answer_customer_page(c);
    customers(c).open_customer("cli_43");
    CHECK(c.state()["busy"] == "loading");
    c.settle();
    CHECK(c.state()["place"]["id"] == "cli_43");
    CHECK(c.state()["busy"] == "");
    CHECK(c.state()["notice"] == "");
    const auto page = c.state()["customers"]["customer"];
    CHECK(page["cin"] == "AB123456");
    CHECK(page["contracts"] == nlohmann::json::array({"ctr_7"}));
    CHECK(page["invoices"] == nlohmann::json::array({"inv_5"}));
    CHECK(page["cases"] == nlohmann::json::array({"case_2"}));
    CHECK(page["payments"] == 1);
    CHECK(page["audit"] == 1);
    // The messages the server sent her, newest first, and whether each went out.
    CHECK(page["notifications"] ==
          nlohmann::json::array(
              {{{"event_type", "invoice.reminder"},
                {"state", "pending"},
                {"subject", "Rappel : facture FAC-2026-000005 impayée"}},
               {{"event_type", "invoice.issued"}, {"state", "sent"}, {"subject", "Votre facture FAC-2026-000005"}}}));
    CHECK(api_path(c.http.sent_to("GET", "/customers/{client_id}/notifications")[0]) ==
          "/customers/cli_43/notifications");
    CHECK(customers(c).invoice_status(0) == "overdue");
    CHECK(query_value(c.http.sent_to("GET", "/contracts")[0], "client_id") == "cli_43");
    CHECK(query_value(c.http.sent_to("GET", "/invoices")[0], "client_id") == "cli_43");

    // Each list opens its record in its own section.
    customers(c).open_invoice("inv_5");
    CHECK(c.app().place() == Place{"billing", "inv_5", "invoice"});
}

TEST_CASE("typing fast: no new search while one is on its way, then only the latest text") {
    ConsoleFixture c;
    open_list(c);
    customers(c).search("a");
    customers(c).search("am");
    customers(c).search("ami");
    CHECK(c.http.sent_to("GET", "/customers").size() == 2);               // the list's, then "a"
    c.answer("GET", "/customers", 200, page_of(nlohmann::json::array())); // "a": outdated, dropped
    c.answer("GET", "/customers", 200, page_of(nlohmann::json::array({wire::to_json(amina())})));
    c.settle();
    const auto searches = c.http.sent_to("GET", "/customers");
    REQUIRE(searches.size() == 3);
    CHECK(query_value(searches[2], "q") == "ami");
    CHECK(c.state()["customers"]["ids"] == nlohmann::json::array({"cli_43"}));
    CHECK(c.state()["busy"] == "");
}

TEST_CASE("creating a customer with an invalid CIN shows the field's error as typed and sends nothing") {
    ConsoleFixture c;
    open_list(c);
    customers(c).start_create();
    CHECK(c.state()["customers"]["form_open"] == true);
    // Nothing typed yet: no error shouts at the person.
    CHECK(customers(c).field_problem("cin").empty());
    customers(c).form.cin = "12AB";
    CHECK_FALSE(customers(c).field_problem("cin").empty());
    CHECK(c.state()["form"]["cin"] == "12AB");
    CHECK(c.state()["form_errors"].contains("cin"));
    customers(c).form.first_name = "Amina";
    customers(c).form.last_name = "El Idrissi";
    customers(c).form.phone = "06 12 34 56 78";
    customers(c).form.email = "amina@example.ma";
    customers(c).form.address = "12 rue des Orangers, Rabat";
    customers(c).submit_form();
    CHECK(c.http.sent_to("POST", "/customers").empty());
    CHECK(c.state()["customers"]["form_open"] == true);

    // Corrected, it is sent, with its key, and its page opens.
    customers(c).form.cin = "ab 123456";
    CHECK(customers(c).field_problem("cin").empty());
    c.answer("POST", "/customers", 201, wire::to_json(amina()));
    customers(c).submit_form();
    const auto sent = c.http.sent_to("POST", "/customers");
    REQUIRE(sent.size() == 1);
    CHECK(nlohmann::json::parse(sent[0].body)["cin"] == "ab 123456");
    CHECK_FALSE(header(sent[0], "Idempotency-Key").empty());
    CHECK(header(sent[0], "X-CSRF-Token") == "csrf-test-token");
    c.http.deliver();
    answer_customer_page(c);
    c.settle();
    CHECK(c.state()["place"]["id"] == "cli_43");
    CHECK(c.state()["customers"]["form_open"] == false);
}

TEST_CASE("a required field left empty shows only once the person tries to save") {
    ConsoleFixture c;
    open_list(c);
    customers(c).start_create();
    CHECK(customers(c).field_problem("first_name").empty());
    customers(c).submit_form();
    CHECK_FALSE(customers(c).field_problem("first_name").empty());
    CHECK(c.http.sent_to("POST", "/customers").empty());
}

TEST_CASE("editing a customer sends a full update and shows the server's field errors") {
    ConsoleFixture c;
    open_list(c);
    answer_customer_page(c);
    customers(c).open_customer("cli_43");
    c.settle();
    customers(c).start_edit();
    CHECK(customers(c).form.cin == "AB123456");
    customers(c).form.cin = "BK654321";
    c.problem("PUT", "/customers/{client_id}", 409, "cin_already_registered", "This CIN is already registered.");
    customers(c).submit_form();
    const auto sent = c.http.sent_to("PUT", "/customers/{client_id}");
    REQUIRE(sent.size() == 1);
    CHECK(api_path(sent[0]) == "/customers/cli_43");
    CHECK(nlohmann::json::parse(sent[0].body)["cin"] == "BK654321");
    c.http.deliver();
    CHECK(c.state()["notice"].get<std::string>().find("already registered") != std::string::npos);
    CHECK(c.state()["customers"]["form_open"] == true);
}

TEST_CASE("a viewer gets no write commands") {
    ConsoleFixture c;
    open_list(c, "viewer");
    CHECK_FALSE(customers(c).may_write());
    CHECK(c.state()["customers"]["may_write"] == false);
    customers(c).start_create();
    CHECK_FALSE(customers(c).form_open());
    answer_customer_page(c);
    customers(c).open_customer("cli_43");
    c.settle();
    customers(c).start_edit();
    CHECK_FALSE(customers(c).form_open());
    customers(c).new_contract();
    CHECK(c.app().place().section == "customers");
}

TEST_CASE("an ops member opens a new contract for the customer in the contracts section") {
    ConsoleFixture c;
    open_list(c);
    CHECK(customers(c).may_write());
    answer_customer_page(c);
    customers(c).open_customer("cli_43");
    c.settle();
    c.answer("GET", "/offers", 200, page_of(nlohmann::json::array({wire::to_json(mobile_offer())})));
    c.answer("GET", "/contracts", 200, page_of(nlohmann::json::array()));
    customers(c).new_contract();
    c.settle();
    CHECK(c.app().place() == Place{"contracts", "", "provision:cli_43"});
    CHECK(c.state()["contracts"]["dialog"] == "provision");
    CHECK(c.state()["contracts"]["filter"]["client_id"] == "cli_43");
}

TEST_CASE("a column's order is the server's: page 1 asked sorted, the order kept by the place, Back restores it") {
    ConsoleFixture c;
    open_list(c);
    auto sent = c.http.sent_to("GET", "/customers");
    REQUIRE(sent.size() == 1);
    CHECK(query_value(sent[0], "sort") == "last_name"); // the default order, said
    CHECK(c.state()["customers"]["sort"] == "last_name");

    // Page 2 of the default order, then the CIN column clicked twice: descending.
    c.answer("GET", "/customers", 200,
             wire::page_json(nlohmann::json::array({wire::to_json(amina())}), wire::Pagination{2, 20, 41}));
    customers(c).go_to_page(2);
    c.settle();
    c.answer("GET", "/customers", 200,
             wire::page_json(nlohmann::json::array({wire::to_json(amina())}), wire::Pagination{1, 20, 41}));
    customers(c).sort_by({CustomerSortKey::Cin, true});
    c.settle();
    sent = c.http.sent_to("GET", "/customers");
    REQUIRE(sent.size() == 3);
    CHECK(query_value(sent[2], "sort") == "-cin");
    CHECK(query_value(sent[2], "page") == "1");
    CHECK(c.app().place() == Place{"customers", {}, "sort=-cin"});
    CHECK(c.state()["customers"]["sort"] == "-cin");
    CHECK(c.state()["customers"]["ids"] == nlohmann::json::array({"cli_43"}));

    // The search as typed keeps the order; its pages too.
    c.answer("GET", "/customers", 200, page_of(nlohmann::json::array()));
    customers(c).search("amina");
    c.settle();
    sent = c.http.sent_to("GET", "/customers");
    REQUIRE(sent.size() == 4);
    CHECK(query_value(sent[3], "q") == "amina");
    CHECK(query_value(sent[3], "sort") == "-cin");

    // Back: the former order, from its first page.
    c.answer("GET", "/customers", 200, page_of(nlohmann::json::array()));
    c.app().back();
    c.settle();
    sent = c.http.sent_to("GET", "/customers");
    REQUIRE(sent.size() == 5);
    CHECK(query_value(sent[4], "sort") == "last_name");
    CHECK(query_value(sent[4], "page") == "1");
    CHECK(c.state()["customers"]["sort"] == "last_name");

    // The same order again asks nothing.
    customers(c).sort_by({CustomerSortKey::LastName, false});
    c.settle();
    CHECK(c.http.sent_to("GET", "/customers").size() == 5);
}

TEST_CASE("a search with more than 1,000 matches shows its count as a lower bound") {
    ConsoleFixture c;
    open_list(c);
    nlohmann::json rows = nlohmann::json::array();
    for (int i = 0; i < 20; ++i) {
        Client each = amina();
        each.client_id = "cli_" + std::to_string(100 + i);
        rows.push_back(wire::to_json(each));
    }
    wire::Pagination counted{1, 20, 1000};
    counted.total_is_lower_bound = true;
    c.answer("GET", "/customers", 200, wire::page_json(rows, counted)); // checked against the description
    customers(c).search("b");
    c.settle();
    CHECK(c.state()["customers"]["total"] == 1000);
    CHECK(c.state()["customers"]["total_is_lower_bound"] == true);
    CHECK(customers(c).pagination().total_is_lower_bound);
}

} // namespace isp::console::test
