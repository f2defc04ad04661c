// Billing run benchmark (issue #4): a database with N active contracts (default
// 100,000; one in ten changes plan on 15 October), then POST /billing/runs' own code
// path - the idempotency guard, services::run_billing and the stored answer, in one
// transaction - for October 2026. Prints its seconds next to the time SQLite itself
// takes to INSERT N invoice rows (same columns and indexes, no lines) in one transaction
// on the same file, the ratio, and the peak resident memory of the run (VmHWM, reset
// just before it).
#include <httplib.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "server/clock/clock.h"
#include "server/demo/bulk_contracts.h"
#include "server/http/idempotency.h"
#include "server/services/billing_run.h"
#include "server/store/database.h"
#include "shared/wire/billing_run_json.h"

namespace {

using Seconds = std::chrono::duration<double>;

long status_kib(const char* field) {
    std::ifstream in("/proc/self/status");
    std::string line;
    const std::string prefix = std::string(field) + ":";
    while (std::getline(in, line))
        if (line.rfind(prefix, 0) == 0)
            return std::atol(line.c_str() + prefix.size());
    return -1;
}

double cpu_seconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// Resets VmHWM to the current RSS (Linux >= 4.0), so the peak is the run's own.
void reset_peak() {
    std::ofstream("/proc/self/clear_refs") << "5";
}

std::int64_t scalar(isp::store::Database& db, const char* sql) {
    return db.read([&](isp::store::Connection& c) {
        auto st = c.prepare(sql);
        st.step();
        return st.integer(0);
    });
}

} // namespace

int main(int argc, char** argv) {
    const int contracts = argc > 1 ? std::atoi(argv[1]) : 100000;
    if (contracts < 1) {
        std::fprintf(stderr, "usage: billing_bench [contracts]\n");
        return 2;
    }
    std::string dir = (std::filesystem::temp_directory_path() / "isp-billing-bench-XXXXXX").string();
    if (!mkdtemp(dir.data())) {
        std::perror("mkdtemp");
        return 1;
    }
    const std::string now = "2026-11-23T10:00:00Z";
    isp::FixedClock clock(1795428000); // 2026-11-23T10:00:00Z
    double run_s = 0, insert_s = 0, seed_s = 0, run_cpu_s = 0, insert_cpu_s = 0;
    long peak_kib = 0, before_kib = 0;
    std::int64_t invoices = 0, lines = 0;
    std::size_t body_bytes = 0;
    {
        isp::store::Database db(dir + "/bench.db");
        auto t0 = std::chrono::steady_clock::now();
        isp::demo::seed_bulk_contracts(db, {contracts, {2026, 1, 1}, isp::Date{2026, 10, 15}, 10}, now);
        seed_s = Seconds(std::chrono::steady_clock::now() - t0).count();

        isp::http::IdempotencyGuard guard(db, clock);
        httplib::Request req;
        req.method = "POST";
        req.path = "/api/v1/billing/runs";
        req.set_header("Idempotency-Key", "bench-billing-run-1");
        const nlohmann::json body = {{"period", "2026-10"}};

        reset_peak();
        before_kib = status_kib("VmRSS");
        double cpu0 = cpu_seconds();
        t0 = std::chrono::steady_clock::now();
        const auto outcome =
            guard.run("billing.runs", req, body, [&](isp::store::Connection& c) -> isp::http::JsonResponse {
                isp::services::BillingRunRequest run;
                run.period = {2026, 10};
                run.today = clock.today_utc();
                run.due_days = 15;
                run.actor = "bench";
                run.now = now;
                run.currency = "MAD";
                const auto result = isp::services::run_billing(c, run);
                return {201, isp::wire::to_json(result)};
            });
        run_s = Seconds(std::chrono::steady_clock::now() - t0).count();
        run_cpu_s = cpu_seconds() - cpu0;
        peak_kib = status_kib("VmHWM");
        body_bytes = outcome.body.size();
        invoices = scalar(db, "SELECT COUNT(*) FROM invoices");
        lines = scalar(db, "SELECT COUNT(*) FROM invoice_lines");

        // The reference: SQLite inserting as many rows of the same shape, same file, same pragmas.
        db.write([](isp::store::Connection& c) {
            c.exec("CREATE TABLE bench_invoices AS SELECT * FROM invoices WHERE 0;"
                   "CREATE UNIQUE INDEX bench_invoices_id ON bench_invoices(invoice_id);"
                   "CREATE UNIQUE INDEX bench_invoices_number ON bench_invoices(invoice_number);"
                   "CREATE UNIQUE INDEX bench_invoices_once ON bench_invoices(contract_id, period);"
                   "CREATE INDEX bench_invoices_by_client ON bench_invoices(client_id, issue_date);"
                   "CREATE INDEX bench_invoices_by_run ON bench_invoices(billing_run_id);"
                   "CREATE INDEX bench_invoices_by_due ON bench_invoices(status, due_date);");
        });
        const std::string snapshot = R"({"address":"1, rue de la Gare, Casablanca","cin":"BK0000001",)"
                                     R"("email":"client1@example.com","first_name":"Client","last_name":"1"})";
        cpu0 = cpu_seconds();
        t0 = std::chrono::steady_clock::now();
        db.write([&](isp::store::Connection& c) {
            char id[32], number[32], contract[32], client[32];
            for (int i = 1; i <= contracts; ++i) {
                std::snprintf(id, sizeof id, "inv_%020d", i);
                std::snprintf(number, sizeof number, "FAC-2026-%06d", i);
                std::snprintf(contract, sizeof contract, "ctr_bulk_%07d", i);
                std::snprintf(client, sizeof client, "cli_bulk_%07d", i);
                c.prepare("INSERT INTO bench_invoices VALUES (?1, ?2, 'run_bench', ?3, ?4, '2026-10', '2026-10-01', "
                          "'2026-10-31', '2026-11-23', '2026-12-08', 'MAD', 9900, 1980, 11880, 0, 'open', ?5, ?6, ?6)")
                    .bind(id, number, client, contract, snapshot, "2026-11-23T10:00:00Z")
                    .run();
            }
        });
        insert_s = Seconds(std::chrono::steady_clock::now() - t0).count();
        insert_cpu_s = cpu_seconds() - cpu0;
    }
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);

    std::printf("contracts                  %d (one in ten changes plan on 2026-10-15), seeded in %.2f s\n", contracts,
                seed_s);
    std::printf("billing run 2026-10        %.3f s (CPU %.3f s; %lld invoices, %lld lines, answer %zu bytes, one "
                "transaction)\n",
                run_s, run_cpu_s, static_cast<long long>(invoices), static_cast<long long>(lines), body_bytes);
    std::printf("SQLite INSERT %d invoice rows, one transaction   %.3f s (CPU %.3f s)\n", contracts, insert_s,
                insert_cpu_s);
    std::printf("ratio run / plain INSERT   %.2f\n", insert_s > 0 ? run_s / insert_s : 0.0);
    std::printf("target under 5 s           %s\n", run_s < 5 ? "ok" : "MISSED");
    std::printf("peak memory during the run VmHWM %.1f MiB (RSS before %.1f MiB)\n", peak_kib / 1024.0,
                before_kib / 1024.0);
    return invoices == contracts ? 0 : 1;
}
