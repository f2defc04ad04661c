// Billing run benchmark (issue #4): a database with N active contracts (default
// 100,000; one in ten changes plan on 15 October), then POST /billing/runs' own code
// path - the idempotency guard, services::run_billing and the stored answer, in one
// transaction - for October 2026. Prints its seconds next to the time SQLite itself
// takes to INSERT N invoice rows (same columns and indexes, no lines) in one transaction
// on the same file, the ratio, and the peak resident memory of the run (VmHWM, reset
// just before it).
// Issue #15's A/B in the same run: the run with each invoice's `invoice.issued` event queued
// in its transaction (as the product does) and without, on copies of one seeded file, in
// the order with, without, without, with (so neither side always runs first on a warm
// cache); the figures of each run, their means and the growth (target: under 20 %).
#include <httplib.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

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

struct RunFigures {
    double seconds = 0, cpu_seconds = 0;
    long peak_kib = 0, before_kib = 0;
    std::int64_t invoices = 0, lines = 0, events = 0;
    std::size_t body_bytes = 0;
};

// October 2026 billed on `path` through POST /billing/runs' code path.
RunFigures bill_october(const std::string& path, isp::FixedClock& clock, bool record_events) {
    RunFigures f;
    isp::store::Database db(path);
    isp::http::IdempotencyGuard guard(db, clock);
    httplib::Request req;
    req.method = "POST";
    req.path = "/api/v1/billing/runs";
    req.set_header("Idempotency-Key", "bench-billing-run-1");
    const nlohmann::json body = {{"period", "2026-10"}};
    const std::int64_t events_before = scalar(db, "SELECT COUNT(*) FROM outbox_events");
    reset_peak();
    f.before_kib = status_kib("VmRSS");
    const double cpu0 = cpu_seconds();
    const auto t0 = std::chrono::steady_clock::now();
    const auto outcome =
        guard.run("billing.runs", req, body, [&](isp::store::Connection& c) -> isp::http::JsonResponse {
            isp::services::BillingRunRequest run;
            run.period = {2026, 10};
            run.today = clock.today_utc();
            run.due_days = 15;
            run.actor = "bench";
            run.now = clock.now_iso();
            run.currency = "MAD";
            run.record_events = record_events;
            const auto result = isp::services::run_billing(c, run);
            return {201, isp::wire::to_json(result)};
        });
    f.seconds = Seconds(std::chrono::steady_clock::now() - t0).count();
    f.cpu_seconds = cpu_seconds() - cpu0;
    f.peak_kib = status_kib("VmHWM");
    f.body_bytes = outcome.body.size();
    f.invoices = scalar(db, "SELECT COUNT(*) FROM invoices");
    f.lines = scalar(db, "SELECT COUNT(*) FROM invoice_lines");
    f.events = scalar(db, "SELECT COUNT(*) FROM outbox_events") - events_before;
    return f;
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
    double insert_s = 0, seed_s = 0, insert_cpu_s = 0;
    const std::string seeded = dir + "/seeded.db";
    {
        isp::store::Database db(seeded);
        const auto t0 = std::chrono::steady_clock::now();
        isp::demo::seed_bulk_contracts(db, {contracts, {2026, 1, 1}, isp::Date{2026, 10, 15}, 10}, now);
        seed_s = Seconds(std::chrono::steady_clock::now() - t0).count();
        db.checkpoint(); // the file alone is the whole database: copies of it are the same
    }
    // A/B: with events, without, without, with; each on its own copy of the seeded file.
    const bool order[] = {true, false, false, true};
    std::vector<RunFigures> with, without;
    for (int i = 0; i < 4; ++i) {
        const std::string path = dir + "/run-" + std::to_string(i) + ".db";
        std::filesystem::copy_file(seeded, path);
        (order[i] ? with : without).push_back(bill_october(path, clock, order[i]));
    }
    const RunFigures& first = with.front();

    {
        // The reference: SQLite inserting as many rows of the same shape, same file, same pragmas.
        isp::store::Database db(dir + "/run-0.db");
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
        const double cpu0 = cpu_seconds();
        const auto t0 = std::chrono::steady_clock::now();
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

    const auto mean = [](const std::vector<RunFigures>& runs) {
        double total = 0;
        for (const RunFigures& r : runs)
            total += r.seconds;
        return total / static_cast<double>(runs.size());
    };
    const double with_s = mean(with), without_s = mean(without);
    std::printf("contracts                  %d (one in ten changes plan on 2026-10-15), seeded in %.2f s\n", contracts,
                seed_s);
    std::printf("billing run 2026-10        %.3f s (CPU %.3f s; %lld invoices, %lld lines, %lld events, answer %zu "
                "bytes, one transaction)\n",
                first.seconds, first.cpu_seconds, static_cast<long long>(first.invoices),
                static_cast<long long>(first.lines), static_cast<long long>(first.events), first.body_bytes);
    std::printf("SQLite INSERT %d invoice rows, one transaction   %.3f s (CPU %.3f s)\n", contracts, insert_s,
                insert_cpu_s);
    std::printf("ratio run / plain INSERT   %.2f\n", insert_s > 0 ? first.seconds / insert_s : 0.0);
    std::printf("target under 5 s           %s\n", first.seconds < 5 ? "ok" : "MISSED");
    std::printf("peak memory during the run VmHWM %.1f MiB (RSS before %.1f MiB)\n", first.peak_kib / 1024.0,
                first.before_kib / 1024.0);
    std::printf("events A/B (runs in the order with, without, without, with):\n");
    std::printf("  with invoice.issued      %.3f s, %.3f s (CPU %.3f s, %.3f s; %lld events each)\n", with[0].seconds,
                with[1].seconds, with[0].cpu_seconds, with[1].cpu_seconds, static_cast<long long>(with[1].events));
    std::printf("  without                  %.3f s, %.3f s (CPU %.3f s, %.3f s; %lld events)\n", without[0].seconds,
                without[1].seconds, without[0].cpu_seconds, without[1].cpu_seconds,
                static_cast<long long>(without[0].events));
    const double growth = without_s > 0 ? (with_s / without_s - 1) * 100 : 0;
    std::printf("  means                    with %.3f s, without %.3f s: the events add %.1f %%\n", with_s, without_s,
                growth);
    std::printf("  target under 20 %%        %s\n", growth < 20 ? "ok" : "MISSED");
    const bool complete = with[0].invoices == contracts && with[1].events == contracts && without[0].events == 0;
    return complete ? 0 : 1;
}
