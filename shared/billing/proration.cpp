#include "shared/billing/proration.h"

#include <charconv>
#include <cstdio>

namespace isp {

std::string BillingPeriod::to_string() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
    return buf;
}

std::optional<BillingPeriod> parse_billing_period(std::string_view text) {
    if (text.size() != 7 || text[4] != '-')
        return std::nullopt;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u})
        if (text[i] < '0' || text[i] > '9')
            return std::nullopt;
    BillingPeriod p;
    std::from_chars(text.data(), text.data() + 4, p.year);
    std::from_chars(text.data() + 5, text.data() + 7, p.month);
    if (p.year < 1970 || p.month < 1 || p.month > 12)
        return std::nullopt;
    return p;
}

BillingPeriod billing_period_of(const Date& day) {
    return {day.year, day.month};
}

std::int64_t prorate_amount(std::int64_t monthly_minor, int days, int days_in_period) {
    if (days_in_period <= 0)
        return 0;
    // Half up: floor((2 * m * d + n) / (2 * n)). m <= 2^53 in practice, so no overflow.
    return (2 * monthly_minor * days + days_in_period) / (2 * static_cast<std::int64_t>(days_in_period));
}

ProratedBill prorate(const BillingPeriod& period, const std::vector<OfferChange>& offers,
                     const std::vector<StatusChange>& statuses, const OfferLookup& find_offer) {
    ProratedBill bill;
    const int n = period.days();
    const Date first = period.first_day();
    std::size_t next_offer = 0, next_status = 0;
    const OfferChange* offer_now = nullptr;
    const StatusChange* status_now = nullptr;
    const Offer* open_offer = nullptr; // offer of the line being extended, if any
    ProratedLine* open_line = nullptr;
    const OfferChange* looked_up = nullptr;
    const Offer* looked_up_offer = nullptr;

    for (int i = 0; i < n; ++i) {
        const Date day{first.year, first.month, i + 1};
        while (next_offer < offers.size() && offers[next_offer].effective_from <= day)
            offer_now = &offers[next_offer++];
        while (next_status < statuses.size() && statuses[next_status].effective_from <= day)
            status_now = &statuses[next_status++];
        if (offer_now != looked_up) { // one lookup per offer change, not per day
            looked_up = offer_now;
            looked_up_offer = offer_now ? find_offer(offer_now->offer_id) : nullptr;
        }
        const Offer* offer = (status_now && status_now->status == ContractStatus::Active) ? looked_up_offer : nullptr;
        if (!offer) {
            open_line = nullptr;
            continue;
        }
        if (open_line && open_offer == offer) {
            open_line->to = day;
            ++open_line->days;
            continue;
        }
        ProratedLine line;
        line.offer_id = offer->offer_id;
        line.from = line.to = day;
        line.days = 1;
        line.days_in_period = n;
        line.monthly_price = offer->monthly_price;
        line.tax_rate_bp = offer->tax_rate_bp;
        bill.lines.push_back(std::move(line));
        open_line = &bill.lines.back();
        open_offer = offer;
    }

    for (ProratedLine& line : bill.lines) {
        line.amount_minor = prorate_amount(line.monthly_price.amount_minor, line.days, line.days_in_period);
        line.tax_minor = apply_rate(line.amount_minor, line.tax_rate_bp);
        line.total_minor = line.amount_minor + line.tax_minor;
        bill.subtotal_minor += line.amount_minor;
        bill.tax_minor += line.tax_minor;
        bill.total_minor += line.total_minor;
    }
    if (!bill.lines.empty())
        bill.currency = bill.lines.front().monthly_price.currency;
    return bill;
}

} // namespace isp
