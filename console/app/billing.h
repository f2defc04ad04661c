// Billing: run a period (pick the month, a confirmation with the number of contracts and the
// expected total, progress, the result with its totals and a link to its invoices), the list
// of runs, invoices with filters, an invoice (lines, totals, outstanding, status) with its PDF
// and "Record a payment". Its screen: console/screens/billing_view.cpp.
//
// Places: Place{"billing"} the runs; Place{"billing", "", "invoices"} or
// "invoices:status=open&client_id=cli_1&period=2026-11" the invoices with those filters;
// Place{"billing", invoice_id, "invoice"} one invoice.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "console/app/paged_list.h"
#include "console/app/payment_form.h"
#include "console/app/section.h"
#include "shared/billing/billing_run_result.h"
#include "shared/domain/invoice.h"
#include "shared/domain/list_sort.h"

namespace isp::console {

// What GET /billing/runs/preview says a run of a period would do (billing_runs_reader.h):
// how many contracts it would invoice, and the invoices' total with tax.
struct RunPreview {
    std::int64_t contract_count = 0;
    Money expected_total;
};

// One run of the list GET /billing/runs (billing_runs_reader.h).
struct RunListEntry {
    std::string billing_run_id;
    std::string period;
    std::int64_t invoice_count = 0;
    Money total;
    std::string created_at; // when it completed
    std::string actor;
};

// An invoice as listed or shown: with its status as the server shows it today (overdue
// included, which the stored settlement never says).
struct StaffInvoice {
    Invoice invoice;
    std::string status; // open, partially_paid, paid, overdue
};
StaffInvoice staff_invoice_from_json(const nlohmann::json& j);

// The filters GET /invoices takes (server/routes/invoices.cpp), "" for none.
struct InvoiceFilters {
    std::string status; // open, partially_paid, paid, overdue
    std::string client_id;
    std::string offer_id;
    std::string service; // mobile, internet, landline
    std::string period;  // YYYY-MM: the invoices of that month's billing run
    std::string sort;    // GET /invoices' `sort`: a column, "-" first for descending; "" its default
    bool operator==(const InvoiceFilters&) const = default;
};
// "status=open&period=2026-11" <-> InvoiceFilters (a place's filter after "invoices:").
InvoiceFilters invoice_filters_from(std::string_view text);
std::string to_text(const InvoiceFilters& filters);

class Billing : public Section {
public:
    enum class Screen { Runs, Invoices, Invoice };
    // The run dialog's steps.
    enum class RunStep { Closed, Period, Confirm, Running, Result };

    explicit Billing(ConsoleContext& context);

    std::string_view name() const override { return "billing"; }
    void open(const Place& place) override;
    std::string_view busy() const override;
    void describe(nlohmann::json& state) const override;

    Screen screen() const { return screen_; }
    bool may_write() const { return ctx_.may(StaffRole::Ops); }

    // --- runs ----------------------------------------------------------------------------
    void start_run();         // the dialog, on this month
    void preview_run();       // checks run_period, asks the preview, then the confirmation
    void confirm_run();       // POST /billing/runs (retry: same Idempotency-Key)
    void close_run();         // Esc / Cancel / Close
    void open_run_invoices(); // the invoices of the run's period
    void load_runs(std::int64_t page = 1);
    std::string run_period; // typed: "YYYY-MM"
    RunStep run_step() const { return run_step_; }
    const std::string& run_period_error() const { return run_period_error_; }
    const std::optional<RunPreview>& preview() const { return preview_; }
    const std::optional<BillingRunResult>& run_result() const { return run_result_; }
    const std::vector<RunListEntry>& runs() const { return runs_.items; }
    const wire::Pagination& runs_pagination() const { return runs_.pagination; }

    // --- invoices: one scrolling list of every invoice the filters select, read page by page
    // as its rows come into view (PagedList), sorted by the server ---------------------------
    InvoiceFilters filters; // typed; apply_filters() sends them
    void apply_filters();   // the list with `filters` (a new place: Back returns to the former)
    void load_invoices();   // the list again from its first page
    // Shows the list in `sort`'s order (the server sorts): a new place, so Back returns to the former.
    void sort_by(const InvoiceSort& sort);
    InvoiceSort sort() const; // the applied order (the filters' `sort`, else the list's default)
    void open_invoice(const std::string& invoice_id);
    // The rows [first, last] are on screen at `now_ms` (the view's clock): their pages are asked for.
    void show_invoice_rows(std::int64_t first, std::int64_t last, double now_ms);
    std::int64_t invoice_count() const { return invoices_.size(); } // -1 until the first page
    const StaffInvoice* invoice_row(std::int64_t index) const { return invoices_.row(index); }
    const InvoiceFilters& applied_filters() const { return applied_; }

    // --- one invoice ---------------------------------------------------------------------
    const std::optional<StaffInvoice>& invoice() const { return invoice_; }
    void reload_invoice();
    void open_pdf() const;      // the PDF in a new tab
    void record_payment();      // the payment form, the outstanding prefilled
    void open_customer() const; // Place{"customers", client_id}
    PaymentForm& payment_form() { return payment_form_; }
    const PaymentForm& payment_form() const { return payment_form_; }

private:
    Screen screen_ = Screen::Runs;
    RunStep run_step_ = RunStep::Closed;
    std::string run_period_error_;
    std::optional<RunPreview> preview_;
    std::optional<BillingRunResult> run_result_;
    WriteAttempt run_attempt_;
    Page<RunListEntry> runs_;
    InvoiceFilters applied_;
    PagedList<StaffInvoice> invoices_{100, 24};
    std::int64_t first_shown_ = -1, last_shown_ = -1; // the invoice rows on screen last
    std::optional<StaffInvoice> invoice_;
    std::string invoice_id_;
    PaymentForm payment_form_;
};

} // namespace isp::console
