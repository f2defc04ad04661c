// An invoice: what one contract owes for one billing period, line by line, as issued.
// Its client is a snapshot taken at issue (an invoice never changes afterwards); only
// the settlement (paid amount, status) moves with payments.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/domain/date.h"
#include "shared/domain/money.h"
#include "shared/domain/offer.h"

namespace isp {

// open: nothing paid; partially_paid; paid: nothing outstanding. overdue is never
// stored: an invoice is overdue when its due date is before today and something is
// still outstanding (it then shows as overdue whatever its stored status).
enum class InvoiceStatus { Open, PartiallyPaid, Paid, Overdue };

std::string_view to_string(InvoiceStatus status); // "open", "partially_paid", "paid", "overdue"
std::optional<InvoiceStatus> parse_invoice_status(std::string_view text);

// The client as invoiced.
struct InvoiceClient {
    std::string first_name;
    std::string last_name;
    std::string cin;
    std::string address;
    std::string email;
    bool operator==(const InvoiceClient&) const = default;
};

// One offer over one range of billed days.
// What a line bills: days of an offer (prorated), or the early termination amount of a
// cancellation (a one-off charge: its dates are the termination date, its days 0).
enum class InvoiceLineKind { Subscription, EarlyTermination };
std::string_view to_string(InvoiceLineKind kind); // "subscription", "early_termination"
std::optional<InvoiceLineKind> parse_invoice_line_kind(std::string_view text);

struct InvoiceLine {
    int line_no = 1;
    std::string offer_id;
    std::string offer_name;
    ServiceFamily service_family = ServiceFamily::Mobile;
    std::string service_identifier;
    Date from_date; // inclusive
    Date to_date;   // inclusive
    int days = 0;
    int days_in_period = 0;
    std::int64_t monthly_price_minor = 0;
    BasisPoints tax_rate_bp = 0;
    std::int64_t amount_minor = 0; // before tax, prorated
    std::int64_t tax_minor = 0;
    std::int64_t total_minor = 0;
    InvoiceLineKind kind = InvoiceLineKind::Subscription;
    bool operator==(const InvoiceLine&) const = default;
};

struct Invoice {
    std::string invoice_id;     // "inv_..."
    std::string invoice_number; // "FAC-2026-000001", gapless per issue year
    std::string billing_run_id;
    std::string client_id;
    std::string contract_id;
    std::string period; // "2026-03"
    Date period_start;  // first billed day
    Date period_end;    // last billed day (inclusive)
    Date issue_date;
    Date due_date;
    std::string currency = "MAD";
    std::int64_t subtotal_minor = 0;
    std::int64_t tax_minor = 0;
    std::int64_t total_minor = 0;
    std::int64_t paid_minor = 0;
    InvoiceStatus settlement = InvoiceStatus::Open; // as stored: open, partially_paid or paid
    InvoiceClient client;
    std::vector<InvoiceLine> lines; // empty when listed without them
    std::string created_at;
    bool operator==(const Invoice&) const = default;
};

inline std::int64_t outstanding_minor(const Invoice& i) {
    return i.total_minor - i.paid_minor;
}
// The status shown: the stored settlement, or overdue (due date before today, something outstanding).
InvoiceStatus invoice_status(const Invoice& invoice, const Date& today);
// The stored settlement for a paid amount: open, partially_paid or paid (a zero total is paid).
InvoiceStatus settlement_for(std::int64_t total_minor, std::int64_t paid_minor);

// "FAC-2026-000001"
std::string invoice_number(int issue_year, std::int64_t sequence);

} // namespace isp
