#include "console/app/billing_runs_reader.h"

#include "shared/wire/billing_run_json.h"
#include "webapp/api/api_call.h"

namespace isp::console {

RunPreview run_preview_from_json(const nlohmann::json& j) {
    const BillingRunPreview p = wire::billing_run_preview_from_json(j);
    return {p.invoice_count, Money{p.total_minor, p.currency}};
}

RunListEntry run_list_entry_from_json(const nlohmann::json& j) {
    const BillingRunSummary r = wire::billing_run_summary_from_json(j);
    return {r.billing_run_id, r.period, r.invoice_count, Money{r.total_minor, r.currency}, r.completed_at, r.actor};
}

void get_billing_run_preview(StaffApi& api, const std::string& period, ApiCallback<RunPreview> done) {
    api.get<RunPreview>("/billing/runs/preview?period=" + webapp::query_value(period), run_preview_from_json,
                        std::move(done));
}

void get_billing_runs(StaffApi& api, std::int64_t page, ApiCallback<Page<RunListEntry>> done) {
    api.get_page<RunListEntry>("/billing/runs?page=" + std::to_string(page), run_list_entry_from_json, std::move(done));
}

} // namespace isp::console
