#include "shared/wire/billing_run_json.h"

#include "shared/wire/json_reader.h"
#include "shared/wire/money_json.h"

namespace isp::wire {

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

} // namespace isp::wire
