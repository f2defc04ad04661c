// What a monthly billing run (process map P11) did: the invoices it issued for a period,
// the contracts it skipped as already billed, and its totals.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace isp {

struct BillingRunResult {
    std::optional<std::string> billing_run_id; // none when nothing was billed
    std::string period;                        // "YYYY-MM"
    std::vector<std::string> invoice_ids;      // in number order
    std::int64_t skipped_already_billed = 0;
    std::string currency;
    std::int64_t subtotal_minor = 0;
    std::int64_t tax_minor = 0;
    std::int64_t total_minor = 0;
    bool operator==(const BillingRunResult&) const = default;
};

} // namespace isp
