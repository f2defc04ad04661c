// The portal's view of invoices: the twelve-month chart's totals, and an invoice read
// back from the JSON the server writes (the portal parses what the server serialises).
#include <doctest/doctest.h>

#include "shared/billing/invoice_history.h"
#include "shared/wire/invoice_json.h"

using namespace isp;

namespace {

Invoice invoice(const std::string& period, std::int64_t total) {
    Invoice i;
    i.invoice_id = "inv_" + period;
    i.invoice_number = "FAC-2026-0000" + period.substr(5);
    i.period = period;
    i.period_start = *parse_iso_date(period + "-01");
    i.period_end = i.period_start;
    i.issue_date = i.period_start.plus_months(1);
    i.due_date = i.issue_date.plus_days(15);
    i.subtotal_minor = total * 10 / 12;
    i.tax_minor = total - i.subtotal_minor;
    i.total_minor = total;
    return i;
}

} // namespace

TEST_CASE("the last twelve months: oldest first, empty months at zero, periods added up") {
    const std::vector<Invoice> invoices = {invoice("2026-10", 41880), invoice("2026-10", 1000),
                                           invoice("2026-08", 12158),
                                           invoice("2025-11", 500), // thirteen months back: outside
                                           invoice("garbage", 999)};
    const auto months = last_twelve_months(invoices, 2026, 11);
    REQUIRE(months.size() == 12);
    CHECK(months.front().year == 2025);
    CHECK(months.front().month == 12);
    CHECK(months.back().year == 2026);
    CHECK(months.back().month == 11);
    CHECK(months[9].month == 9);
    CHECK(months[10].total_minor == 42880); // October, two invoices
    CHECK(months[8].total_minor == 12158);  // August
    CHECK(months[11].total_minor == 0);     // November: not billed yet
    std::int64_t sum = 0;
    for (const MonthAmount& m : months)
        sum += m.total_minor;
    CHECK(sum == 42880 + 12158);
    // Across a year boundary.
    const auto january = last_twelve_months(invoices, 2027, 1);
    CHECK(january.front().year == 2026);
    CHECK(january.front().month == 2);
}

TEST_CASE("an invoice survives its JSON round trip, lines included") {
    Invoice i = invoice("2026-09", 41880);
    i.client = {"Youssef", "Benali", "BE654321", "7, avenue Hassan II, F\u00e8s", "y.benali@example.ma"};
    i.paid_minor = 20940;
    i.settlement = settlement_for(i.total_minor, i.paid_minor);
    InvoiceLine line;
    line.offer_id = "ofr_internet_fibre100";
    line.offer_name = "Fibre 100 M\u00e9ga";
    line.service_family = ServiceFamily::Internet;
    line.service_identifier = "+212535123456";
    line.from_date = {2026, 9, 1};
    line.to_date = {2026, 9, 30};
    line.days = 30;
    line.days_in_period = 30;
    line.monthly_price_minor = 34900;
    line.tax_rate_bp = 2000;
    line.amount_minor = 34900;
    line.tax_minor = 6980;
    line.total_minor = 41880;
    i.lines = {line};

    const Invoice back = wire::invoice_from_json(wire::to_json(i, Date{2026, 11, 23}));
    CHECK(back.invoice_id == i.invoice_id);
    CHECK(back.invoice_number == i.invoice_number);
    CHECK(back.period == "2026-09");
    CHECK(back.due_date == i.due_date);
    CHECK(back.total_minor == 41880);
    CHECK(back.paid_minor == 20940);
    CHECK(outstanding_minor(back) == 20940);
    CHECK(back.settlement == InvoiceStatus::PartiallyPaid);
    CHECK(back.client.last_name == "Benali");
    REQUIRE(back.lines.size() == 1);
    CHECK(back.lines[0].offer_name == "Fibre 100 M\u00e9ga");
    CHECK(back.lines[0].service_family == ServiceFamily::Internet);
    CHECK(back.lines[0].days == 30);
    CHECK(back.lines[0].total_minor == 41880);
    CHECK_THROWS(wire::invoice_from_json(nlohmann::json{{"invoice_id", "x"}}));
}
