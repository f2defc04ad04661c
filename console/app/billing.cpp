#include "console/app/billing.h"

#include <algorithm>

#include "console/app/billing_runs_reader.h"
#include "console/i18n/console_text.h"
#include "shared/billing/proration.h"
#include "shared/wire/billing_run_json.h"
#include "shared/wire/invoice_json.h"
#include "shared/wire/list_sort_param.h"
#include "webapp/api/api_call.h"
#include "webapp/platform/browser.h"

namespace isp::console {
namespace {

using T = webapp::Translation;

constexpr T loading_runs{"Chargement des facturations", "Loading the billing runs"};
constexpr T loading_preview{"Pr\u00e9paration de la facturation", "Preparing the billing run"};
constexpr T running{"Facturation de la p\u00e9riode", "Billing the period"};
constexpr T loading_invoices{"Chargement des factures", "Loading the invoices"};
constexpr T loading_invoice_detail{"Chargement de la facture", "Loading the invoice"};
constexpr T period_unreadable{"Saisissez un mois AAAA-MM (par exemple 2026-11).",
                              "Enter a month YYYY-MM (for example 2026-11)."};
constexpr T payment_recorded{"Paiement enregistr\u00e9. Reste \u00e0 payer : {}.",
                             "Payment recorded. Outstanding: {}."};

constexpr std::string_view invoices_filter = "invoices";

// The query of GET /invoices for `f` and one page.
std::string invoices_query(const InvoiceFilters& f, std::int64_t page, std::int64_t per_page) {
    std::string q = "?page=" + std::to_string(page) + "&per_page=" + std::to_string(per_page);
    const auto add = [&q](std::string_view name, const std::string& value) {
        if (!value.empty())
            q += "&" + std::string{name} + "=" + webapp::query_value(value);
    };
    add("status", f.status);
    add("client_id", f.client_id);
    add("offer_id", f.offer_id);
    add("service", f.service);
    add("period", f.period);
    add("sort", f.sort);
    return q;
}

} // namespace

StaffInvoice staff_invoice_from_json(const nlohmann::json& j) {
    return {wire::invoice_from_json(j), j.at("status").get<std::string>()};
}

InvoiceFilters invoice_filters_from(std::string_view text) {
    InvoiceFilters f;
    for_each_filter_pair(text, [&f](std::string_view key, std::string value) {
        if (key == "status")
            f.status = std::move(value);
        else if (key == "client_id")
            f.client_id = std::move(value);
        else if (key == "offer_id")
            f.offer_id = std::move(value);
        else if (key == "service")
            f.service = std::move(value);
        else if (key == "period")
            f.period = std::move(value);
        else if (key == "sort")
            f.sort = std::move(value);
    });
    return f;
}

std::string to_text(const InvoiceFilters& f) {
    std::string out;
    add_filter_pair(out, "status", f.status);
    add_filter_pair(out, "client_id", f.client_id);
    add_filter_pair(out, "offer_id", f.offer_id);
    add_filter_pair(out, "service", f.service);
    add_filter_pair(out, "period", f.period);
    add_filter_pair(out, "sort", f.sort);
    return out;
}

Billing::Billing(ConsoleContext& context)
    : Section(context),
      payment_form_(
          context, [this](Notice n) { show(std::move(n)); },
          [this](const PostedPayment& posted) {
              show(success(webapp::with_value(
                  tr(payment_recorded, lang()),
                  format_money({posted.invoice.outstanding_minor(), posted.invoice.currency}, lang()))));
              reload_invoice(); // the new outstanding amount and status, as the server says
          }) {}

std::string_view Billing::busy() const {
    return payment_form_.busy().empty() ? busy_ : payment_form_.busy();
}

void Billing::open(const Place& place) {
    if (payment_form_.is_open())
        payment_form_.cancel();
    if (place.filter == "invoice" && !place.id.empty()) {
        screen_ = Screen::Invoice;
        if (invoice_id_ != place.id)
            invoice_.reset();
        invoice_id_ = place.id;
        reload_invoice();
        return;
    }
    if (place.filter.starts_with(invoices_filter)) {
        screen_ = Screen::Invoices;
        const std::string_view rest = std::string_view{place.filter}.substr(invoices_filter.size());
        applied_ = invoice_filters_from(rest.starts_with(":") ? rest.substr(1) : rest);
        filters = applied_;
        load_invoices();
        return;
    }
    screen_ = Screen::Runs;
    load_runs(1);
}

// --- runs ------------------------------------------------------------------------------------

void Billing::load_runs(std::int64_t page) {
    busy_ = "loading";
    get_billing_runs(ctx_.api, page, [this, page](ApiResult<Page<RunListEntry>> result) {
        busy_ = {};
        if (result.value) {
            runs_ = std::move(*result.value);
        } else if (result.error.status == 404) {
            runs_ = {}; // not in the server yet (billing_runs_reader.h): no list
        } else {
            show(failure(result.error, tr(loading_runs, lang()), lang(), [this, page] { load_runs(page); }));
        }
    });
}

void Billing::start_run() {
    if (!may_write() || run_step_ == RunStep::Running)
        return;
    run_period = ctx_.today.size() >= 7 ? ctx_.today.substr(0, 7) : std::string{};
    run_period_error_.clear();
    preview_.reset();
    run_result_.reset();
    dismiss_notice();
    run_step_ = RunStep::Period;
}

void Billing::preview_run() {
    if (!may_write() || !busy_.empty() || run_step_ != RunStep::Period)
        return;
    run_period_error_.clear();
    const auto period = parse_billing_period(run_period);
    if (!period) {
        run_period_error_ = std::string{tr(period_unreadable, lang())};
        return;
    }
    run_period = period->to_string();
    busy_ = "loading";
    dismiss_notice();
    get_billing_run_preview(ctx_.api, run_period, [this](ApiResult<RunPreview> result) {
        busy_ = {};
        if (run_step_ != RunStep::Period)
            return; // closed meanwhile
        if (result.value) {
            preview_ = *result.value;
        } else if (result.error.status == 404) {
            preview_.reset(); // no preview yet (billing_runs_reader.h): confirm without figures
        } else {
            show(failure(result.error, tr(loading_preview, lang()), lang(), [this] { preview_run(); }));
            return;
        }
        run_step_ = RunStep::Confirm;
    });
}

void Billing::confirm_run() {
    if (!may_write() || run_step_ != RunStep::Confirm)
        return;
    const auto period = parse_billing_period(run_period);
    if (!period)
        return;
    const nlohmann::json body = wire::billing_period_json(*period);
    const std::string key = run_attempt_.key_for(body);
    run_step_ = RunStep::Running;
    busy_ = "running";
    dismiss_notice();
    ctx_.api.write<BillingRunResult>("POST", "/billing/runs", body, key, wire::billing_run_result_from_json,
                                     [this](ApiResult<BillingRunResult> result) {
                                         busy_ = {};
                                         if (!result.value) {
                                             const ApiError& e = result.error;
                                             // Refused for good (a 4xx but "still running" and "too many"): a new run
                                             // next time.
                                             if (!e.network() && e.status < 500 && e.status != 409 && e.status != 429)
                                                 run_attempt_.finished();
                                             for (const FieldError& f : e.errors)
                                                 if (f.field == "period")
                                                     run_period_error_ = f.message;
                                             run_step_ = RunStep::Confirm;
                                             show(failure(e, tr(running, lang()), lang(), [this] { confirm_run(); }));
                                             return;
                                         }
                                         run_attempt_.finished();
                                         run_result_ = std::move(*result.value);
                                         run_step_ = RunStep::Result;
                                         if (screen_ == Screen::Runs)
                                             load_runs(1);
                                     });
}

void Billing::close_run() {
    if (run_step_ == RunStep::Running)
        return; // the run goes on: its result is shown when it comes
    run_step_ = RunStep::Closed;
    if (notice_ && notice_->kind == Notice::Kind::Error)
        dismiss_notice();
}

void Billing::open_run_invoices() {
    if (!run_result_)
        return;
    const std::string period = run_result_->period;
    run_step_ = RunStep::Closed;
    ctx_.go(Place{"billing", "", std::string{invoices_filter} + ":period=" + period});
}

// --- invoices --------------------------------------------------------------------------------

void Billing::apply_filters() {
    const std::string text = to_text(filters);
    ctx_.go(Place{"billing", "", std::string{invoices_filter} + (text.empty() ? "" : ":" + text)});
}

void Billing::load_invoices() {
    busy_ = "loading";
    first_shown_ = last_shown_ = -1;
    const InvoiceFilters sent = applied_;
    invoices_.reset([this, sent](std::int64_t page, std::int64_t per_page, ApiCallback<Page<StaffInvoice>> done) {
        ctx_.api.get_page<StaffInvoice>(
            "/invoices" + invoices_query(sent, page, per_page), staff_invoice_from_json,
            [this, page, done = std::move(done)](ApiResult<Page<StaffInvoice>> result) {
                if (page == 1)
                    busy_ = {};
                if (!result.value)
                    show(failure(result.error, tr(loading_invoices, lang()), lang(), [this] { load_invoices(); }));
                done(std::move(result)); // PagedList drops it if the filters changed meanwhile
            });
    });
}

void Billing::sort_by(const InvoiceSort& sort) {
    filters = applied_;
    filters.sort = sort == default_invoice_sort ? "" : wire::to_param(sort);
    apply_filters();
}

InvoiceSort Billing::sort() const {
    return wire::sort_from_param<InvoiceSortKey>(applied_.sort).value_or(default_invoice_sort);
}

void Billing::show_invoice_rows(std::int64_t first, std::int64_t last, double now_ms) {
    first_shown_ = first;
    last_shown_ = last;
    invoices_.show(first, last, now_ms);
}

void Billing::open_invoice(const std::string& invoice_id) {
    ctx_.go(Place{"billing", invoice_id, "invoice"});
}

// --- one invoice -----------------------------------------------------------------------------

void Billing::reload_invoice() {
    if (invoice_id_.empty())
        return;
    busy_ = "loading";
    const std::string id = invoice_id_;
    ctx_.api.get<StaffInvoice>(
        "/invoices/" + webapp::path_segment(id), staff_invoice_from_json, [this, id](ApiResult<StaffInvoice> result) {
            busy_ = {};
            if (id != invoice_id_)
                return;
            if (!result.value) {
                show(failure(result.error, tr(loading_invoice_detail, lang()), lang(), [this] { reload_invoice(); }));
                return;
            }
            invoice_ = std::move(*result.value);
        });
}

void Billing::open_pdf() const {
    if (!invoice_)
        return;
    webapp::platform::open_document(
        ctx_.api.document_url("/invoices/" + webapp::path_segment(invoice_->invoice.invoice_id) + "/pdf"));
}

void Billing::record_payment() {
    if (!may_write() || !invoice_ || outstanding_minor(invoice_->invoice) <= 0)
        return;
    dismiss_notice();
    payment_form_.open_for(invoice_->invoice);
}

void Billing::open_customer() const {
    if (invoice_ && !invoice_->invoice.client_id.empty())
        ctx_.go(Place{"customers", invoice_->invoice.client_id, {}});
}

// --- test state ------------------------------------------------------------------------------

void Billing::describe(nlohmann::json& state) const {
    static constexpr const char* screens[] = {"runs", "invoices", "invoice"};
    static constexpr const char* steps[] = {"closed", "period", "confirm", "running", "result"};
    nlohmann::json b = {
        {"screen", screens[static_cast<int>(screen_)]}, {"can_run", may_write()}, {"can_record_payment", may_write()}};
    nlohmann::json run = {
        {"step", steps[static_cast<int>(run_step_)]},
        {"period", run_period},
        {"period_error", run_period_error_},
        {"contract_count", preview_ ? nlohmann::json(preview_->contract_count) : nullptr},
        {"expected_total_minor", preview_ ? nlohmann::json(preview_->expected_total.amount_minor) : nullptr}};
    if (run_result_)
        run["result"] = {{"billing_run_id", run_result_->billing_run_id ? *run_result_->billing_run_id : ""},
                         {"period", run_result_->period},
                         {"invoice_count", run_result_->invoice_ids.size()},
                         {"total_minor", run_result_->total_minor}};
    b["run"] = std::move(run);
    if (screen_ == Screen::Runs) {
        nlohmann::json ids = nlohmann::json::array();
        for (const RunListEntry& r : runs_.items)
            ids.push_back(r.billing_run_id);
        b["runs"] = std::move(ids);
    }
    if (screen_ == Screen::Invoices) {
        // The numbers of the rows on screen (before the view drew any: the first page's).
        const std::int64_t first = first_shown_ < 0 ? 0 : first_shown_;
        const std::int64_t last = first_shown_ < 0 ? std::min<std::int64_t>(invoices_.size(), 100) - 1 : last_shown_;
        nlohmann::json numbers = nlohmann::json::array();
        std::int64_t missing = 0;
        for (std::int64_t i = first; i <= last; ++i) {
            if (const StaffInvoice* row = invoices_.row(i))
                numbers.push_back(row->invoice.invoice_number);
            else
                ++missing;
        }
        b["invoices"] = {{"numbers", std::move(numbers)},
                         {"first", first_shown_},
                         {"last", last_shown_},
                         {"missing", missing},
                         {"total", invoices_.size()},
                         {"pages_kept", invoices_.pages_kept()},
                         {"longest_empty_ms", invoices_.longest_empty_ms()},
                         {"filter", to_text(applied_)}};
    }
    if (screen_ == Screen::Invoice && invoice_) {
        const Invoice& i = invoice_->invoice;
        b["invoice"] = {
            {"invoice_id", i.invoice_id},   {"invoice_number", i.invoice_number},        {"status", invoice_->status},
            {"total_minor", i.total_minor}, {"outstanding_minor", outstanding_minor(i)}, {"lines", i.lines.size()}};
    }
    payment_form_.describe(b, state);
    if (run_step_ == RunStep::Period)
        state["form"] = {{"period", run_period}};
    state["billing"] = std::move(b);
}

} // namespace isp::console
