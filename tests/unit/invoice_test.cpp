// Invoices (shared/domain/invoice, shared/wire/invoice_json): derived status, numbers,
// and the JSON the staff API and the portal's invoice screen show.
#include <doctest/doctest.h>

#include "shared/domain/invoice.h"
#include "shared/wire/invoice_json.h"

using namespace isp;

namespace {

Invoice sample() {
    Invoice i;
    i.invoice_id = "inv_1";
    i.invoice_number = "FAC-2026-000001";
    i.period = "2026-03";
    i.period_start = {2026, 3, 1};
    i.period_end = {2026, 3, 31};
    i.issue_date = {2026, 4, 1};
    i.due_date = {2026, 4, 16};
    i.subtotal_minor = 9900;
    i.tax_minor = 1980;
    i.total_minor = 11880;
    i.client = {"Amina", "El Idrissi", "AB123456", "24, rue Ibn Battouta, Rabat", "amina@example.com"};
    InvoiceLine l;
    l.offer_id = "ofr_x";
    l.offer_name = "Mobile";
    l.from_date = {2026, 3, 1};
    l.to_date = {2026, 3, 31};
    l.days = 31;
    l.days_in_period = 31;
    l.monthly_price_minor = 9900;
    l.tax_rate_bp = 2000;
    l.amount_minor = 9900;
    l.tax_minor = 1980;
    l.total_minor = 11880;
    i.lines.push_back(l);
    return i;
}

} // namespace

TEST_CASE("invoice status: overdue is derived from the due date and what is outstanding") {
    Invoice i = sample();
    CHECK(invoice_status(i, {2026, 4, 16}) == InvoiceStatus::Open);    // due today: not yet overdue
    CHECK(invoice_status(i, {2026, 4, 17}) == InvoiceStatus::Overdue); // the day after
    i.paid_minor = 5000;
    i.settlement = settlement_for(i.total_minor, i.paid_minor);
    CHECK(i.settlement == InvoiceStatus::PartiallyPaid);
    CHECK(outstanding_minor(i) == 6880);
    CHECK(invoice_status(i, {2026, 4, 10}) == InvoiceStatus::PartiallyPaid);
    CHECK(invoice_status(i, {2026, 5, 1}) == InvoiceStatus::Overdue);
    i.paid_minor = 11880;
    i.settlement = settlement_for(i.total_minor, i.paid_minor);
    CHECK(invoice_status(i, {2027, 1, 1}) == InvoiceStatus::Paid);
    CHECK(settlement_for(0, 0) == InvoiceStatus::Paid); // nothing to pay
    for (auto s : {InvoiceStatus::Open, InvoiceStatus::PartiallyPaid, InvoiceStatus::Paid, InvoiceStatus::Overdue})
        CHECK(parse_invoice_status(to_string(s)) == s);
    CHECK(!parse_invoice_status("late"));
}

TEST_CASE("invoice numbers are FAC-YYYY-NNNNNN") {
    CHECK(invoice_number(2026, 1) == "FAC-2026-000001");
    CHECK(invoice_number(2026, 123456) == "FAC-2026-123456");
}

TEST_CASE("invoice JSON: money objects, ISO dates, lines with their days, client snapshot") {
    const auto j = wire::to_json(sample(), {2026, 4, 20});
    CHECK(j["status"] == "overdue");
    CHECK(j["total"] == nlohmann::json{{"amount_minor", 11880}, {"currency", "MAD"}});
    CHECK(j["outstanding"]["amount_minor"] == 11880);
    CHECK(j["paid"]["amount_minor"] == 0);
    CHECK(j["due_date"] == "2026-04-16");
    CHECK(j["client"]["cin"] == "AB123456");
    REQUIRE(j["lines"].size() == 1);
    CHECK(j["lines"][0]["days"] == 31);
    CHECK(j["lines"][0]["from_date"] == "2026-03-01");
    CHECK(j["lines"][0]["amount"]["amount_minor"] == 9900);
    CHECK(j["lines"][0]["service"] == "mobile");
    CHECK(wire::invoice_client_from_json(j["client"]).address == "24, rue Ibn Battouta, Rabat");
    Invoice listed = sample();
    listed.lines.clear();
    CHECK(!wire::to_json(listed, {2026, 4, 1}).contains("lines"));
}
