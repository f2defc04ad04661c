#include "console/app/billing_runs_reader.h"

#include "shared/wire/json_reader.h"
#include "shared/wire/money_json.h"
#include "webapp/api/api_call.h"

namespace isp::console {

BillingRunPreview billing_run_preview_from_json(const nlohmann::json& j) {
    BillingRunPreview p;
    p.contract_count = wire::integer_value<std::int64_t>(j.at("contract_count"));
    p.expected_total = wire::money_from_json(j.at("totals").at("total"));
    return p;
}

BillingRunSummary billing_run_summary_from_json(const nlohmann::json& j) {
    BillingRunSummary r;
    r.billing_run_id = j.at("billing_run_id").get<std::string>();
    r.period = j.at("period").get<std::string>();
    r.invoice_count = wire::integer_value<std::int64_t>(j.at("invoice_count"));
    r.total = wire::money_from_json(j.at("totals").at("total"));
    r.created_at = j.value("created_at", "");
    r.actor = j.value("actor", "");
    return r;
}

void get_billing_run_preview(StaffApi& api, const std::string& period, ApiCallback<BillingRunPreview> done) {
    api.get<BillingRunPreview>("/billing/runs/preview?period=" + webapp::query_value(period),
                               billing_run_preview_from_json, std::move(done));
}

void get_billing_runs(StaffApi& api, std::int64_t page, ApiCallback<Page<BillingRunSummary>> done) {
    api.get_page<BillingRunSummary>("/billing/runs?page=" + std::to_string(page), billing_run_summary_from_json,
                                    std::move(done));
}

} // namespace isp::console
