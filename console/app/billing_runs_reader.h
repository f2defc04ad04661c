// The billing section's two reads of past and possible runs, GET /billing/runs/preview and
// GET /billing/runs (shared/wire/billing_run_json.h reads them), as the section keeps them:
// the figures a confirmation and the list of runs show.
#pragma once
#include <cstdint>
#include <string>

#include "console/api/staff_api.h"
#include "console/app/billing.h"

namespace isp::console {

RunPreview run_preview_from_json(const nlohmann::json& j);
RunListEntry run_list_entry_from_json(const nlohmann::json& j);

void get_billing_run_preview(StaffApi& api, const std::string& period, ApiCallback<RunPreview> done);
void get_billing_runs(StaffApi& api, std::int64_t page, ApiCallback<Page<RunListEntry>> done);

} // namespace isp::console
