// invoice_list_seed DB [contracts=100000] [period=2026-11|none]: adds `contracts` active
// contracts (the billing bench's synthetic clients, bulk_contracts.h) to an existing database
// and runs the billing of `period` over it, as POST /billing/runs does: the data set of
// bench/console/invoice_scroll.mjs, which scrolls the staff console's list of that run's
// invoices. The database is first made by portal-server --demo (offers, staff accounts), so
// the console can be signed in to. Prints the number of invoices of the period. With `none`
// it only adds the contracts: bench/notifications/delivery bills them through the running
// server, whose deliverers then send what the run queued.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "server/demo/bulk_contracts.h"
#include "server/services/billing_run.h"
#include "server/store/database.h"

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: invoice_list_seed DB [contracts=100000] [period=2026-11|none]\n");
        return 2;
    }
    const std::string path = argv[1];
    const int contracts = argc > 2 ? std::atoi(argv[2]) : 100000;
    const std::string period_text = argc > 3 ? argv[3] : "2026-11";
    const bool bill = period_text != "none";
    const auto period = isp::parse_billing_period(bill ? period_text : "2026-11");
    if (contracts <= 0 || !period) {
        std::fprintf(stderr, "invoice_list_seed: contracts must be > 0 and the period YYYY-MM\n");
        return 2;
    }
    // The times of the console benches' server (--fixed-time 2026-11-23T10:00:00Z).
    const std::string now = "2026-11-23T10:00:00Z";
    const auto t0 = std::chrono::steady_clock::now();
    isp::store::Database db(path);
    isp::demo::seed_bulk_contracts(db, {contracts, {2026, 1, 1}, std::nullopt, 10}, now);
    if (!bill) {
        std::printf("contracts added: %d\n", contracts);
        return 0;
    }
    const auto result = db.write([&](isp::store::Connection& c) {
        isp::services::BillingRunRequest run;
        run.period = *period;
        run.today = {2026, 11, 23};
        run.due_days = 15;
        run.actor = "bench";
        run.now = now;
        run.currency = "MAD";
        return isp::services::run_billing(c, run);
    });
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("invoices of %s: %zu (seeded and billed in %.1f s)\n", period_text.c_str(), result.invoice_ids.size(),
                seconds);
    return 0;
}
