// The billing run is one transaction (issue #4): the real portal-server binary is
// SIGKILLed in the middle of a run over 50,000 contracts; after a restart no invoice,
// no billing run and no stored answer of it exist, and the same request (same
// Idempotency-Key) then completes it: every contract billed once, numbers 1..50,000.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <thread>

#include "../support/server_process.h"
#include "../support/test_server.h"
#include "server/demo/bulk_contracts.h"
#include "server/services/staff_tokens.h"
#include "server/store/database.h"

using namespace isp::test;
using namespace std::chrono_literals;

namespace {

constexpr int contract_count = 50000;

std::int64_t scalar(const std::string& db_path, const std::string& sql) {
    isp::store::Database db(db_path);
    return db.read([&](isp::store::Connection& c) {
        auto st = c.prepare(sql);
        return st.step() ? st.integer(0) : -1;
    });
}

std::string text(const std::string& db_path, const std::string& sql) {
    isp::store::Database db(db_path);
    return db.read([&](isp::store::Connection& c) {
        auto st = c.prepare(sql);
        return st.step() ? st.text(0) : std::string();
    });
}

std::uintmax_t file_size(const std::string& path) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    return ec ? 0 : size;
}

} // namespace

TEST_CASE("billing run crash: SIGKILL mid-run leaves nothing; the same request then completes it exactly once") {
    std::string dir = (std::filesystem::temp_directory_path() / "isp-crash-XXXXXX").string();
    REQUIRE(mkdtemp(dir.data()) != nullptr);
    const std::string db_path = dir + "/portal.db";
    std::string token;
    {
        isp::store::Database db(db_path);
        isp::demo::seed_bulk_contracts(db, {contract_count, {2026, 1, 1}, isp::Date{2026, 10, 15}, 10},
                                       "2026-11-23T10:00:00Z");
        token =
            isp::services::create_staff_token(db, "crash", {isp::services::Role::Ops}, "2026-11-23T10:00:00Z").secret;
    }
    const std::string key = new_key();
    const std::string body = R"({"period": "2026-10"})";
    httplib::Headers headers = bearer(token);
    headers.emplace("Idempotency-Key", key);

    {
        ServerProcess server(db_path, dir + "/server-1.out", isp::test::operator_args());
        const auto wal_before = file_size(db_path + "-wal");
        std::optional<int> status; // set if the run answered before the kill
        std::thread request([&] {
            auto c = server.client();
            if (auto res = c.Post("/api/v1/billing/runs", headers, body, "application/json"))
                status = res->status;
        });
        // The run's pages spill into the WAL while its transaction is open: kill once it has written 4 MB.
        const auto deadline = std::chrono::steady_clock::now() + 120s;
        while (file_size(db_path + "-wal") < wal_before + 4 * 1024 * 1024 &&
               std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(2ms);
        server.kill_now();
        request.join();
        REQUIRE_MESSAGE(!status, "the run answered " << status.value_or(0) << " before the kill: make it bigger");
    }

    CHECK(scalar(db_path, "SELECT COUNT(*) FROM invoices") == 0);
    CHECK(scalar(db_path, "SELECT COUNT(*) FROM invoice_lines") == 0);
    CHECK(scalar(db_path, "SELECT COUNT(*) FROM billing_runs") == 0);
    CHECK(scalar(db_path, "SELECT COUNT(*) FROM idempotency_keys WHERE scope = 'billing.runs'") == 0);
    CHECK(scalar(db_path, "SELECT COUNT(*) FROM sequences WHERE name = 'invoice:2026'") == 0);

    {
        ServerProcess server(db_path, dir + "/server-2.out", isp::test::operator_args());
        auto c = server.client();
        auto res = c.Post("/api/v1/billing/runs", headers, body, "application/json");
        REQUIRE(res);
        REQUIRE_MESSAGE(res->status == 201, res->body.substr(0, 300));
        const auto j = nlohmann::json::parse(res->body);
        CHECK(j["invoice_count"] == contract_count);
        CHECK(j["skipped_already_billed"] == 0);
        // 9/10 on the base offer all month (9900 + 20 %), 1/10 changing to Plus on 15 October:
        // 9900 * 14 / 31 = 4471 and 14900 * 17 / 31 = 8171 (tax 894 and 1634).
        CHECK(j["totals"]["total"]["amount_minor"] ==
              std::int64_t{45000} * 11880 + std::int64_t{5000} * (4471 + 894 + 8171 + 1634));

        auto again = c.Post("/api/v1/billing/runs", headers, body, "application/json");
        REQUIRE(again);
        CHECK(again->status == 201);
        CHECK(again->get_header_value("Idempotent-Replayed") == "true");
        CHECK(again->body == res->body);
    }

    CHECK(scalar(db_path, "SELECT COUNT(*) FROM invoices") == contract_count);
    CHECK(scalar(db_path, "SELECT COUNT(DISTINCT contract_id) FROM invoices WHERE period = '2026-10'") ==
          contract_count);
    CHECK(scalar(db_path, "SELECT COUNT(DISTINCT invoice_number) FROM invoices") == contract_count);
    CHECK(text(db_path, "SELECT MIN(invoice_number) FROM invoices") == "FAC-2026-000001");
    CHECK(text(db_path, "SELECT MAX(invoice_number) FROM invoices") == "FAC-2026-050000");
    CHECK(scalar(db_path, "SELECT value FROM sequences WHERE name = 'invoice:2026'") == contract_count);
    CHECK(scalar(db_path, "SELECT COUNT(*) FROM invoice_lines") == contract_count + contract_count / 10);
    CHECK(scalar(db_path, "SELECT COUNT(*) FROM billing_runs") == 1);

    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
}
