#include "shared/wire/billing_run_json.h"

#include "shared/wire/json_reader.h"
#include "shared/wire/money_json.h"

namespace isp::wire {
namespace {

// {"subtotal", "tax", "total"}: Money in one currency, as every billing answer writes them.
nlohmann::json totals_json(const std::string& currency, std::int64_t subtotal, std::int64_t tax, std::int64_t total) {
    return {{"subtotal", to_json(Money{subtotal, currency})},
            {"tax", to_json(Money{tax, currency})},
            {"total", to_json(Money{total, currency})}};
}

struct Totals {
    std::string currency;
    std::int64_t subtotal = 0;
    std::int64_t tax = 0;
    std::int64_t total = 0;
};

Totals totals_from_json(const nlohmann::json& totals) {
    const Money total = money_from_json(totals.at("total"));
    return {total.currency, money_from_json(totals.at("subtotal")).amount_minor,
            money_from_json(totals.at("tax")).amount_minor, total.amount_minor};
}

} // namespace

BillingPeriod billing_period_from_json(const nlohmann::json& body, FieldErrors& errors) {
    const auto it = body.is_object() ? body.find("period") : body.end();
    if (it == body.end() || it->is_null()) {
        errors.push_back({"period", "required", "period is required: the month to bill, \"YYYY-MM\"."});
        return {};
    }
    const auto period = it->is_string() ? parse_billing_period(it->get<std::string>()) : std::nullopt;
    if (!period) {
        errors.push_back({"period", "invalid_period", "period must be a month as \"YYYY-MM\" (2026-03)."});
        return {};
    }
    return *period;
}

nlohmann::json billing_period_json(const BillingPeriod& period) {
    return {{"period", period.to_string()}};
}

nlohmann::json to_json(const BillingRunResult& r) {
    const auto money = [&r](std::int64_t minor) { return to_json(Money{minor, r.currency}); };
    return {{"billing_run_id", r.billing_run_id ? nlohmann::json(*r.billing_run_id) : nlohmann::json(nullptr)},
            {"period", r.period},
            {"invoice_ids", r.invoice_ids},
            {"invoice_count", r.invoice_ids.size()},
            {"skipped_already_billed", r.skipped_already_billed},
            {"totals",
             {{"subtotal", money(r.subtotal_minor)}, {"tax", money(r.tax_minor)}, {"total", money(r.total_minor)}}}};
}

BillingRunResult billing_run_result_from_json(const nlohmann::json& j) {
    BillingRunResult r;
    if (const auto& id = j.at("billing_run_id"); !id.is_null())
        r.billing_run_id = id.get<std::string>();
    r.period = j.at("period").get<std::string>();
    r.invoice_ids = j.at("invoice_ids").get<std::vector<std::string>>();
    r.skipped_already_billed = integer_value<std::int64_t>(j.at("skipped_already_billed"));
    const auto& totals = j.at("totals");
    const Money total = money_from_json(totals.at("total"));
    r.currency = total.currency;
    r.subtotal_minor = money_from_json(totals.at("subtotal")).amount_minor;
    r.tax_minor = money_from_json(totals.at("tax")).amount_minor;
    r.total_minor = total.amount_minor;
    return r;
}

nlohmann::json to_json(const BillingRunSummary& r) {
    return {{"billing_run_id", r.billing_run_id},
            {"period", r.period},
            {"started_at", r.started_at},
            {"completed_at", r.completed_at},
            {"actor", r.actor},
            {"invoice_count", r.invoice_count},
            {"totals", totals_json(r.currency, r.subtotal_minor, r.tax_minor, r.total_minor)}};
}

BillingRunSummary billing_run_summary_from_json(const nlohmann::json& j) {
    BillingRunSummary r;
    r.billing_run_id = j.at("billing_run_id").get<std::string>();
    r.period = j.at("period").get<std::string>();
    r.started_at = j.at("started_at").get<std::string>();
    r.completed_at = j.at("completed_at").get<std::string>();
    r.actor = j.at("actor").get<std::string>();
    r.invoice_count = integer_value<std::int64_t>(j.at("invoice_count"));
    const Totals t = totals_from_json(j.at("totals"));
    r.currency = t.currency;
    r.subtotal_minor = t.subtotal;
    r.tax_minor = t.tax;
    r.total_minor = t.total;
    return r;
}

nlohmann::json to_json(const BillingRunPreview& p) {
    return {{"period", p.period},
            {"invoice_count", p.invoice_count},
            {"skipped_already_billed", p.skipped_already_billed},
            {"totals", totals_json(p.currency, p.subtotal_minor, p.tax_minor, p.total_minor)}};
}

BillingRunPreview billing_run_preview_from_json(const nlohmann::json& j) {
    BillingRunPreview p;
    p.period = j.at("period").get<std::string>();
    p.invoice_count = integer_value<std::int64_t>(j.at("invoice_count"));
    p.skipped_already_billed = integer_value<std::int64_t>(j.at("skipped_already_billed"));
    const Totals t = totals_from_json(j.at("totals"));
    p.currency = t.currency;
    p.subtotal_minor = t.subtotal;
    p.tax_minor = t.tax;
    p.total_minor = t.total;
    return p;
}

} // namespace isp::wire
