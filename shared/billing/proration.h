// Monthly billing of one contract: which days of a period it is billed for, on which
// offer, and for how much. Pure (no store, no clock): the server's billing run and the
// portal's preview compute the same lines.
//
// A day of the period is billed when, on that day, the contract's status is `active`
// and it is on an offer (status and offer from their periods: the latest period that
// started on or before the day). Billed days are grouped into lines: one line per offer
// and contiguous range of days.
//
// Rounding (per line, in minor units, half up - amounts are never negative):
//   amount = monthly_price * days / days_in_period   rounded half up
//   tax    = amount * tax_rate_bp / 10000             rounded half up
//   total  = amount + tax
// A whole period on one offer is therefore exactly the monthly price (days ==
// days_in_period). Invoice totals are the sums of the lines' rounded figures, so the
// lines always add up to what the invoice says.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/domain/contract.h"
#include "shared/domain/date.h"
#include "shared/domain/money.h"
#include "shared/domain/offer.h"

namespace isp {

// A calendar month billed at once: "2026-03".
struct BillingPeriod {
    int year = 1970;
    int month = 1;

    auto operator<=>(const BillingPeriod&) const = default;

    Date first_day() const { return {year, month, 1}; }
    Date last_day() const { return {year, month, days_in_month(year, month)}; }
    int days() const { return days_in_month(year, month); }
    std::string to_string() const; // "2026-03"
};

// Strict "YYYY-MM" (year 1970..9999, month 01..12); nullopt otherwise.
std::optional<BillingPeriod> parse_billing_period(std::string_view text);
BillingPeriod billing_period_of(const Date& day);

// From `effective_from` on, the contract is on `offer_id` (until the next change).
struct OfferChange {
    std::string offer_id;
    Date effective_from;
};
// From `effective_from` on, the contract has `status` (until the next change).
struct StatusChange {
    ContractStatus status = ContractStatus::Active;
    Date effective_from;
};

// `monthly * days / days_in_period`, rounded half up (monthly >= 0, 0 <= days <= days_in_period).
std::int64_t prorate_amount(std::int64_t monthly_minor, int days, int days_in_period);

struct ProratedLine {
    std::string offer_id;
    Date from; // first billed day (inclusive)
    Date to;   // last billed day (inclusive)
    int days = 0;
    int days_in_period = 0;
    Money monthly_price;
    BasisPoints tax_rate_bp = 0;
    std::int64_t amount_minor = 0; // before tax
    std::int64_t tax_minor = 0;
    std::int64_t total_minor = 0;
};

struct ProratedBill {
    std::vector<ProratedLine> lines; // by date; empty: no billable day, no invoice
    std::string currency;            // of the first line
    std::int64_t subtotal_minor = 0;
    std::int64_t tax_minor = 0;
    std::int64_t total_minor = 0;

    bool empty() const { return lines.empty(); }
    Date first_day() const { return lines.front().from; }
    Date last_day() const { return lines.back().to; }
};

// The offer an id names, or nullptr when unknown (its days are then not billed).
using OfferLookup = std::function<const Offer*(const std::string& offer_id)>;

// The bill of one contract for `period`. `offers` and `statuses` are sorted by
// effective_from (as the store lists them); changes after the period are ignored.
ProratedBill prorate(const BillingPeriod& period, const std::vector<OfferChange>& offers,
                     const std::vector<StatusChange>& statuses, const OfferLookup& find_offer);

} // namespace isp
