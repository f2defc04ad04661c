#include "server/services/staff_today.h"

#include "server/clock/clock.h"
#include "server/config/server_config.h"
#include "server/services/collection_cases.h"
#include "server/services/service_context.h"
#include "server/store/billing_run_store.h"
#include "server/store/contract_store.h"
#include "server/store/database.h"

namespace isp::services {

StaffToday staff_today(ServiceContext& context) {
    StaffToday today;
    today.collections = overview(context, context.config.operator_profile.currency);
    today.as_of = today.collections.as_of; // one date for the whole screen
    context.db.read([&](store::Connection& c) {
        const auto counts = store::count_active_contracts_by_family(c);
        // Every family, zero included, in the catalog's order: the console draws a fixed set.
        for (const ServiceFamily family : all_service_families) {
            FamilyCount f{family, 0};
            for (const auto& [counted, n] : counts)
                if (counted == family)
                    f.count = n;
            today.active_contracts.push_back(f);
        }
        auto last = store::list_billing_runs_page(c, 1, 0);
        if (!last.empty())
            today.last_billing_run = std::move(last.front());
    });
    return today;
}

} // namespace isp::services
