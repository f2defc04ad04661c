// The payments section and the payment form: an amount typed "123,45" or "123.45", a
// partial payment from an invoice (the outstanding prefilled, changed to a part) sent in
// minor units with an Idempotency-Key, the invoice read again after it, the list with its
// filters and pages, and what a viewer is not offered.
#include <doctest/doctest.h>

#include "console/app/billing.h"
#include "console/app/payment_amount.h"
#include "console/app/payments.h"
#include "console_fixture.h"
#include "shared/wire/invoice_json.h"
#include "shared/wire/page_json.h"
#include "shared/wire/payment_json.h"

namespace isp::console::test {
namespace {

const Date today = *parse_iso_date("2026-11-23");

nlohmann::json invoice_json(std::int64_t total_minor, std::int64_t paid_minor) {
    Invoice i;
    i.invoice_id = "inv_1";
    i.invoice_number = "FAC-2026-000001";
    i.billing_run_id = "run_1";
    i.client_id = "cli_1";
    i.contract_id = "ctr_1";
    i.period = "2026-11";
    i.period_start = *parse_iso_date("2026-11-01");
    i.period_end = *parse_iso_date("2026-11-30");
    i.issue_date = *parse_iso_date("2026-11-01");
    i.due_date = *parse_iso_date("2026-12-01");
    i.subtotal_minor = 34900;
    i.tax_minor = total_minor - 34900;
    i.total_minor = total_minor;
    i.paid_minor = paid_minor;
    i.settlement = settlement_for(total_minor, paid_minor);
    i.client = {"Amina", "Alaoui", "AB123456", "12 rue des Orangers, Rabat", "amina@example.ma"};
    i.created_at = "2026-11-01T02:00:00Z";
    return wire::to_json(i, today);
}

PaymentRecord payment(std::string id, std::int64_t minor) {
    PaymentRecord p;
    p.payment_id = std::move(id);
    p.invoice_id = "inv_1";
    p.invoice_number = "FAC-2026-000001";
    p.client_id = "cli_1";
    p.amount = {minor, "MAD"};
    p.method = PaymentMethod::BankTransfer;
    p.reference = "VIR-1";
    p.allocation = Allocation::Partial;
    p.received_on = "2026-11-20";
    p.actor = "ops@isp.example.ma";
    p.created_at = "2026-11-20T10:00:00Z";
    return p;
}

} // namespace

TEST_CASE("an amount is typed with a comma or a point, two decimals at most") {
    CHECK(parse_amount_minor("123,45") == 12345);
    CHECK(parse_amount_minor("123.45") == 12345);
    CHECK(parse_amount_minor("123") == 12300);
    CHECK(parse_amount_minor("100,5") == 10050);
    CHECK(parse_amount_minor(" 1 234,50 ") == 123450);
    CHECK(parse_amount_minor("1\u202f234,50") == 123450);
    CHECK(parse_amount_minor(",5") == 50);
    CHECK_FALSE(parse_amount_minor(""));
    CHECK_FALSE(parse_amount_minor(","));
    CHECK_FALSE(parse_amount_minor("12,345"));
    CHECK_FALSE(parse_amount_minor("1.234,5"));
    CHECK_FALSE(parse_amount_minor("12a"));
    CHECK_FALSE(parse_amount_minor("-5"));
    CHECK_FALSE(parse_amount_minor("99999999999999999999"));
    CHECK(amount_input(41880, Language::French) == "418,80");
    CHECK(amount_input(5, Language::English) == "0.05");
}

TEST_CASE("a partial payment from an invoice: the outstanding prefilled, changed to a part, sent in minor units") {
    ConsoleFixture c;
    c.open_signed_in("ops");
    c.settle();
    auto& billing = static_cast<Billing&>(*c.app().find("billing"));
    c.answer("GET", "/invoices/{invoice_id}", 200, invoice_json(41880, 0));
    c.app().go(Place{"billing", "inv_1", "invoice"});
    c.settle();

    billing.record_payment();
    CHECK(c.state()["billing"]["payment_form"]["open"] == true);
    CHECK(c.state()["form"]["amount"] == "418,80");
    PaymentForm& form = billing.payment_form();

    form.amount = "12,345";
    CHECK_FALSE(form.amount_problem().empty());
    form.amount = "500";
    CHECK(form.amount_problem().find("418,80") != std::string::npos); // more than the outstanding
    form.submit();
    CHECK(c.http.sent_to("POST", "/collections/payments").empty());
    CHECK_FALSE(form.error("amount").empty());

    form.amount = "100,5";
    CHECK(form.amount_problem().empty());
    form.method = "cheque";
    form.reference = "CHQ-0042";
    PostedPayment posted{payment("pay_1", 10050),
                         {"inv_1", "FAC-2026-000001", "cli_1", "MAD", 41880, 10050, "partially_paid", "2026-12-01"},
                         std::nullopt};
    c.answer("POST", "/collections/payments", 201, wire::to_json(posted));
    c.answer("GET", "/invoices/{invoice_id}", 200, invoice_json(41880, 10050));
    form.submit();
    CHECK(c.state()["busy"] == "saving");
    c.settle();
    const auto sent = c.http.sent_to("POST", "/collections/payments");
    REQUIRE(sent.size() == 1);
    const auto body = nlohmann::json::parse(sent[0].body);
    CHECK(body["invoice_id"] == "inv_1");
    CHECK(body["amount"]["amount_minor"] == 10050);
    CHECK(body["amount"]["currency"] == "MAD");
    CHECK(body["method"] == "cheque");
    CHECK(body["reference"] == "CHQ-0042");
    CHECK(header(sent[0], "Idempotency-Key").size() == 32);

    // The invoice is read again: its new outstanding and status.
    CHECK(c.http.sent_to("GET", "/invoices/{invoice_id}").size() == 2);
    CHECK(c.state()["billing"]["payment_form"]["open"] == false);
    CHECK(c.state()["billing"]["invoice"]["outstanding_minor"] == 31830);
    CHECK(c.state()["billing"]["invoice"]["status"] == "partially_paid");
    CHECK(c.state()["notice"].get<std::string>().find("318,30") != std::string::npos);
}

TEST_CASE("a payment whose answer is lost is sent again with the same key") {
    ConsoleFixture c;
    c.open_signed_in("admin");
    c.settle();
    auto& payments = static_cast<Payments&>(*c.app().find("payments"));
    c.answer("GET", "/collections/payments", 200, wire::page_json(nlohmann::json::array(), {1, 20, 0}));
    c.answer("GET", "/invoices/{invoice_id}", 200, invoice_json(41880, 0));
    c.app().go(Place{"payments", "inv_1", "record"});
    c.settle();
    CHECK(c.state()["payments"]["payment_form"]["invoice_id"] == "inv_1");
    CHECK(c.state()["form"]["amount"] == "418,80");
    PaymentForm& form = payments.payment_form();
    form.amount = "418.80";
    form.method = "cash";
    c.http.fail_network("POST", "/collections/payments");
    form.submit();
    c.settle();
    REQUIRE(payments.notice());
    REQUIRE(payments.notice()->retry);
    PostedPayment posted{payment("pay_2", 41880),
                         {"inv_1", "FAC-2026-000001", "cli_1", "MAD", 41880, 41880, "paid", "2026-12-01"},
                         std::nullopt};
    c.answer("POST", "/collections/payments", 201, wire::to_json(posted));
    c.answer("GET", "/collections/payments", 200,
             wire::page_json(nlohmann::json::array({wire::to_json(posted.payment.value())}), {1, 20, 1}));
    payments.notice()->retry();
    c.settle();
    const auto sent = c.http.sent_to("POST", "/collections/payments");
    REQUIRE(sent.size() == 2);
    CHECK(nlohmann::json::parse(sent[0].body)["amount"]["amount_minor"] == 41880);
    CHECK(sent[0].body == sent[1].body);
    CHECK(header(sent[0], "Idempotency-Key") == header(sent[1], "Idempotency-Key"));
    CHECK(c.state()["payments"]["payments"] == nlohmann::json::array({"pay_2"}));
    CHECK(c.state()["payments"]["payment_form"]["open"] == false);
}

TEST_CASE("payments: the filters and the page are sent") {
    ConsoleFixture c;
    c.open_signed_in("viewer");
    c.settle();
    auto& payments = static_cast<Payments&>(*c.app().find("payments"));
    const auto page = [](std::int64_t n) {
        return wire::page_json(
            nlohmann::json::array({wire::to_json(payment("pay_1", 100)), wire::to_json(payment("pay_2", 50))}),
            {n, 20, 41});
    };
    c.answer("GET", "/collections/payments", 200, page(1));
    c.app().go(Place{"payments", "", "method=bank_transfer&from=2026-11-01"});
    c.settle();
    auto sent = c.http.sent_to("GET", "/collections/payments");
    REQUIRE(sent.size() == 1);
    CHECK(query_value(sent[0], "method") == "bank_transfer");
    CHECK(query_value(sent[0], "from") == "2026-11-01");
    CHECK(query_value(sent[0], "page") == "1");
    CHECK(c.state()["payments"]["total"] == 41);

    c.answer("GET", "/collections/payments", 200, page(3));
    payments.load(3);
    c.settle();
    sent = c.http.sent_to("GET", "/collections/payments");
    CHECK(query_value(sent.back(), "page") == "3");
    CHECK(query_value(sent.back(), "method") == "bank_transfer");

    payments.sort_payments(2, true);
    CHECK(c.state()["payments"]["payments"] == nlohmann::json::array({"pay_2", "pay_1"}));

    payments.filters.to = "2026-11-30";
    payments.filters.invoice_id = "inv_1";
    c.answer("GET", "/collections/payments", 200, page(1));
    payments.apply_filters();
    c.settle();
    sent = c.http.sent_to("GET", "/collections/payments");
    CHECK(query_value(sent.back(), "to") == "2026-11-30");
    CHECK(query_value(sent.back(), "invoice_id") == "inv_1");

    // A viewer records nothing.
    CHECK(c.state()["payments"]["can_record_payment"] == false);
    payments.record_payment();
    CHECK(c.state()["payments"]["payment_form"]["open"] == false);
    c.answer("GET", "/collections/payments", 200, page(1));
    c.app().go(Place{"payments", "inv_1", "record"});
    c.settle();
    CHECK(c.state()["payments"]["payment_form"]["open"] == false);
    CHECK(c.http.sent_to("GET", "/invoices/{invoice_id}").empty());
}

} // namespace isp::console::test
