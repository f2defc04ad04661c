// A billing run as staff look back on it (GET /api/v1/billing/runs, the console's home):
// the period it billed, when and by whom, how many invoices and their totals, as the
// billing_runs row recorded them when the run committed.
#pragma once
#include <cstdint>
#include <string>

namespace isp {

struct BillingRunSummary {
    std::string billing_run_id;
    std::string period; // "YYYY-MM"
    std::string started_at;
    std::string completed_at;
    std::string actor; // who started it
    std::int64_t invoice_count = 0;
    std::string currency;
    std::int64_t subtotal_minor = 0;
    std::int64_t tax_minor = 0;
    std::int64_t total_minor = 0;
    bool operator==(const BillingRunSummary&) const = default;
};

// What a run of a period would do now (GET /api/v1/billing/runs/preview), computed by the
// run's own code without writing anything: how many contracts it would invoice, how many
// it would skip as already invoiced for the period, and the totals of those invoices.
struct BillingRunPreview {
    std::string period; // "YYYY-MM"
    std::int64_t invoice_count = 0;
    std::int64_t skipped_already_billed = 0;
    std::string currency;
    std::int64_t subtotal_minor = 0; // before tax
    std::int64_t tax_minor = 0;
    std::int64_t total_minor = 0; // with tax
    bool operator==(const BillingRunPreview&) const = default;
};

} // namespace isp
