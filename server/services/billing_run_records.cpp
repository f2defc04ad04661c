#include "server/services/billing_run_records.h"

#include "server/services/service_context.h"
#include "server/store/billing_run_store.h"
#include "server/store/database.h"

namespace isp::services {

Page<BillingRunSummary> list_billing_runs(ServiceContext& context, std::int64_t limit, std::int64_t offset) {
    return context.db.read([&](store::Connection& c) {
        return Page<BillingRunSummary>{store::count_billing_runs(c), store::list_billing_runs_page(c, limit, offset)};
    });
}

} // namespace isp::services
