// The staff lists' `sort` (issue #13): GET /customers, /contracts and /invoices sorted by each
// key of their fixed sets both ways, equal values paged in id order (no row twice, none
// missing), anything else refused as a field error; GET /invoices?period=; a customer search
// that counts its matches up to 1,000 only (pagination.total_is_lower_bound).
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "../support/openapi_check.h"
#include "../support/problem_check.h"
#include "../support/test_server.h"
#include "server/store/database.h"

using namespace isp::test;

namespace {

using Rows = std::vector<nlohmann::json>;

// Every row of `path` (its query included) read page by page, `per_page` at a time.
Rows all_pages(httplib::Client& c, const std::string& token, const std::string& path, int per_page) {
    Rows rows;
    for (int page = 1; page < 200; ++page) {
        auto res = c.Get(path + (path.find('?') == std::string::npos ? "?" : "&") +
                             "per_page=" + std::to_string(per_page) + "&page=" + std::to_string(page),
                         bearer(token));
        REQUIRE(res);
        REQUIRE_MESSAGE(res->status == 200, path, res->body);
        const nlohmann::json body = body_json(res);
        for (const auto& row : body["data"])
            rows.push_back(row);
        if (body["data"].size() < static_cast<std::size_t>(per_page))
            break;
    }
    return rows;
}

std::vector<std::string> ids_of(const Rows& rows, const char* id) {
    std::vector<std::string> out;
    for (const auto& r : rows)
        out.push_back(r[id].get<std::string>());
    return out;
}

// The sort key of a row: the values the order compares, in order (the id last).
using Key = std::function<std::vector<nlohmann::json>(const nlohmann::json&)>;

// Checks that `rows` are in `key`'s order (ascending or not), each key different from the next.
void check_order(const Rows& rows, const Key& key, bool descending, const std::string& what) {
    for (std::size_t i = 1; i < rows.size(); ++i) {
        const auto a = key(rows[i - 1]), b = key(rows[i]);
        CHECK_MESSAGE((descending ? b < a : a < b), what, ": row ", i, " ", rows[i - 1].dump(), " then ",
                      rows[i].dump());
    }
}

// For each key name: the list sorted by it ascending is in its order, sorted by "-name" is
// the very reverse, read a page of 2 at a time.
void check_every_key(httplib::Client& c, const std::string& token, const std::string& list, const char* id,
                     const std::vector<std::pair<std::string, Key>>& keys) {
    for (const auto& [name, key] : keys) {
        const Rows up = all_pages(c, token, list + "?sort=" + name, 2);
        const Rows down = all_pages(c, token, list + "?sort=-" + name, 2);
        CHECK_MESSAGE(up.size() >= 4, name);
        check_order(up, key, false, list + " sort=" + name);
        auto reversed = ids_of(down, id);
        std::reverse(reversed.begin(), reversed.end());
        CHECK_MESSAGE(ids_of(up, id) == reversed, name);
    }
}

void check_refused_sorts(httplib::Client& c, const std::string& token, const std::string& list) {
    for (const char* bad : {"nope", "--created_at", "+status", "address", "last_name,cin", "", "-", "LAST_NAME",
                            "issue_date desc", "client_id; DROP TABLE clients"}) {
        auto res = c.Get(list, httplib::Params{{"sort", bad}}, bearer(token));
        check_problem(res, 400, "validation_failed");
        const auto errors = body_json(res)["errors"];
        REQUIRE_MESSAGE(errors.size() == 1, bad);
        CHECK(errors[0]["field"] == "sort");
        CHECK(errors[0]["code"] == "invalid_sort");
    }
}

nlohmann::json customer(const std::string& cin, const std::string& first, const std::string& last,
                        const std::string& phone, const std::string& email) {
    return {{"cin", cin},     {"first_name", first}, {"last_name", last},
            {"phone", phone}, {"email", email},      {"address", "1 rue de Fès, Rabat"}};
}

std::string create_customer(httplib::Client& c, const std::string& token, const nlohmann::json& body) {
    auto res = c.Post("/api/v1/customers", bearer(token), body.dump(), "application/json");
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 201, res->body);
    return body_json(res)["client_id"];
}

Key field(const char* name, const char* id) {
    return [name, id](const nlohmann::json& r) { return std::vector<nlohmann::json>{r[name], r[id]}; };
}

nlohmann::json bill(httplib::Client& c, const std::string& token, const std::string& period) {
    httplib::Headers h = bearer(token);
    h.emplace("Idempotency-Key", new_key());
    auto res = c.Post("/api/v1/billing/runs", h, nlohmann::json{{"period", period}}.dump(), "application/json");
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 201, res->body);
    return body_json(res);
}

} // namespace

TEST_CASE("customers sort by each allowed key both ways, equal values in id order across pages") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");
    // Besides the demo's three: names, CINs, phones and e-mails in orders that differ.
    create_customer(c, ops, customer("ZZ100001", "Omar", "Alaoui", "0611000003", "z@example.ma"));
    create_customer(c, ops, customer("AA100002", "Adil", "Tazi", "0611000001", "m@example.ma"));
    // Four of one name, phone and e-mail: only their ids order them.
    std::vector<std::string> twins;
    for (const char* cin : {"MM100003", "MM100004", "MM100005", "MM100006"})
        twins.push_back(create_customer(c, ops, customer(cin, "Karim", "Naciri", "0611000002", "same@example.ma")));
    std::sort(twins.begin(), twins.end());

    const Key by_name = [](const nlohmann::json& r) {
        return std::vector<nlohmann::json>{r["last_name"], r["first_name"], r["client_id"]};
    };
    const Key by_first = [](const nlohmann::json& r) {
        return std::vector<nlohmann::json>{r["first_name"], r["last_name"], r["client_id"]};
    };
    check_every_key(c, ops, "/api/v1/customers", "client_id",
                    {{"last_name", by_name},
                     {"first_name", by_first},
                     {"cin", field("cin", "client_id")},
                     {"phone", field("phone", "client_id")},
                     {"email", field("email", "client_id")},
                     {"created_at", field("created_at", "client_id")}});
    // The default order is last_name's; a search sorts its matches too.
    CHECK(ids_of(all_pages(c, ops, "/api/v1/customers", 3), "client_id") ==
          ids_of(all_pages(c, ops, "/api/v1/customers?sort=last_name", 3), "client_id"));
    const Rows searched = all_pages(c, ops, "/api/v1/customers?q=0611&sort=-cin", 2);
    REQUIRE(searched.size() == 6);
    CHECK(searched.front()["cin"] == "ZZ100001");
    check_order(searched, field("cin", "client_id"), true, "q=0611&sort=-cin");

    // Ties: the twins come in id order, one page of 2 after the other, either way.
    for (const char* sort : {"last_name", "phone", "email"}) {
        std::vector<std::string> listed;
        for (const std::string& id :
             ids_of(all_pages(c, ops, std::string("/api/v1/customers?sort=") + sort, 2), "client_id"))
            if (std::find(twins.begin(), twins.end(), id) != twins.end())
                listed.push_back(id);
        CHECK_MESSAGE(listed == twins, sort);
    }
    const Rows down = all_pages(c, ops, "/api/v1/customers?q=naciri&sort=-email", 2);
    CHECK(ids_of(down, "client_id") == std::vector<std::string>(twins.rbegin(), twins.rend()));

    check_refused_sorts(c, ops, "/api/v1/customers");
}

TEST_CASE("contracts sort by each allowed key both ways, equal values in id order across pages") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");
    // Four more contracts, provisioned the same day on one status: number, subscriber and id
    // tell them apart.
    for (const char* line : {"+212612300004", "+212612300001", "+212612300003", "+212612300002"}) {
        const nlohmann::json body = {{"offer_id", "ofr_mobile_confort"},
                                     {"contract_start_date", "2026-11-23"},
                                     {"client_id", "cli_demo_youssef"},
                                     {"subscriber", {{"service_identifier", line}}},
                                     {"provisioning_intent", "auto"}};
        auto res = c.Post("/api/v1/contracts/provision", bearer(ops), body.dump(), "application/json");
        REQUIRE_MESSAGE(res->status == 201, res->body);
    }
    auto suspended = c.Put("/api/v1/contracts/ctr_demo_helene/status", bearer(ops),
                           nlohmann::json{{"status", "suspended"}}.dump(), "application/json");
    REQUIRE_MESSAGE(suspended->status == 200, suspended->body);

    const Key by_creation = [](const nlohmann::json& r) {
        return std::vector<nlohmann::json>{r["created_at"], r["contract_number"], r["contract_id"]};
    };
    check_every_key(c, ops, "/api/v1/contracts", "contract_id",
                    {{"created_at", by_creation},
                     {"contract_number", field("contract_number", "contract_id")},
                     {"service_identifier",
                      [](const nlohmann::json& r) {
                          return std::vector<nlohmann::json>{r["subscriber"]["service_identifier"], r["contract_id"]};
                      }},
                     {"status", field("status", "contract_id")},
                     {"contract_start_date", field("contract_start_date", "contract_id")}});
    // The default order is unchanged: oldest first.
    CHECK(ids_of(all_pages(c, ops, "/api/v1/contracts", 3), "contract_id") ==
          ids_of(all_pages(c, ops, "/api/v1/contracts?sort=created_at", 3), "contract_id"));
    // A filter and a sort together; the six active contracts, by status then id, 2 a page.
    const Rows active = all_pages(c, ops, "/api/v1/contracts?status=active&sort=-status", 2);
    CHECK(active.size() == 6);
    check_order(active, field("status", "contract_id"), true, "status=active&sort=-status");

    check_refused_sorts(c, ops, "/api/v1/contracts");
}

TEST_CASE("invoices sort by each allowed key both ways, equal values in id order across pages") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");
    bill(c, ops, "2026-11");
    server.clock().advance(24 * 3600);
    bill(c, ops, "2026-10");

    const Key by_issue = [](const nlohmann::json& r) {
        return std::vector<nlohmann::json>{r["issue_date"], r["invoice_number"], r["invoice_id"]};
    };
    const Key by_period = [](const nlohmann::json& r) {
        return std::vector<nlohmann::json>{r["period"], r["issue_date"], r["invoice_number"], r["invoice_id"]};
    };
    const Key by_total = [](const nlohmann::json& r) {
        return std::vector<nlohmann::json>{r["total"]["amount_minor"], r["invoice_id"]};
    };
    check_every_key(c, ops, "/api/v1/invoices", "invoice_id",
                    {{"issue_date", by_issue},
                     {"invoice_number", field("invoice_number", "invoice_id")},
                     {"period", by_period},
                     {"due_date", field("due_date", "invoice_id")},
                     {"total", by_total}});
    // The default order is unchanged: newest first.
    CHECK(ids_of(all_pages(c, ops, "/api/v1/invoices", 4), "invoice_id") ==
          ids_of(all_pages(c, ops, "/api/v1/invoices?sort=-issue_date", 4), "invoice_id"));
    // One run's three invoices share a due date: the id orders them, page after page.
    const Rows november = all_pages(c, ops, "/api/v1/invoices?period=2026-11&sort=due_date", 1);
    REQUIRE(november.size() == 3);
    CHECK(november[0]["due_date"] == november[2]["due_date"]);
    check_order(november, field("due_date", "invoice_id"), false, "period=2026-11&sort=due_date");

    check_refused_sorts(c, ops, "/api/v1/invoices");
}

TEST_CASE("invoices of one billing period; a period that is not a month is refused") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");
    bill(c, ops, "2026-11");
    server.clock().advance(24 * 3600);
    bill(c, ops, "2026-10");

    for (const char* period : {"2026-10", "2026-11"}) {
        auto res = c.Get("/api/v1/invoices", httplib::Params{{"period", period}}, bearer(ops));
        REQUIRE(res->status == 200);
        const auto body = body_json(res);
        CHECK(body["pagination"]["total"] == 3);
        REQUIRE(body["data"].size() == 3);
        for (const auto& i : body["data"])
            CHECK(i["period"] == period);
    }
    CHECK(body_json(c.Get("/api/v1/invoices?period=2026-12", bearer(ops)))["pagination"]["total"] == 0);
    auto both = body_json(c.Get("/api/v1/invoices?period=2026-10&client_id=cli_demo_amina", bearer(ops)));
    REQUIRE(both["data"].size() == 1);
    CHECK(both["data"][0]["period"] == "2026-10");
    CHECK(both["data"][0]["client_id"] == "cli_demo_amina");

    for (const char* bad : {"2026-13", "2026-1", "2026/10", "november", "", "2026-10-01", " 2026-10"}) {
        auto res = c.Get("/api/v1/invoices", httplib::Params{{"period", bad}}, bearer(ops));
        check_problem(res, 400, "validation_failed");
        const auto errors = body_json(res)["errors"];
        REQUIRE_MESSAGE(errors.size() == 1, bad);
        CHECK(errors[0]["field"] == "period");
        CHECK(errors[0]["code"] == "invalid_period");
    }
    // Both wrong: one problem naming both.
    auto two = c.Get("/api/v1/invoices?period=x&sort=y", bearer(ops));
    check_problem(two, 400, "validation_failed");
    CHECK(body_json(two)["errors"].size() == 2);

    const OpenApi api = served_description(c);
    check_described(api, "get", "/invoices", c.Get("/api/v1/invoices?period=2026-10&sort=-total", bearer(ops)));
    check_described(api, "get", "/invoices", c.Get("/api/v1/invoices?period=10-2026", bearer(ops)));
    check_described(api, "get", "/invoices", c.Get("/api/v1/invoices?sort=client_id", bearer(ops)));
}

TEST_CASE("a customer search counts up to 1,000 matches, says so, and pages every match in order") {
    TestServer server;
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");
    // 5,105 Zouhairs (and the search's triggers), written straight into the database: first
    // names P0000..P5104 in reverse of their ids, so name order and id order differ. More
    // than 5,000 matches: the page walks the clients in name order (server/store).
    {
        isp::store::Database db(server.db_path());
        db.write([](isp::store::Connection& w) {
            w.prepare("WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 5104) "
                      "INSERT INTO clients (client_id, cin, first_name, last_name, phone, email, address, language, "
                      "created_at, updated_at) SELECT printf('cli_z%04d', i), printf('ZQ%06d', i), "
                      "printf('P%04d', 5104 - i), 'Zouhair', printf('+212700%06d', i), 'z@example.ma', 'Rabat', "
                      "'fr', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z' FROM n")
                .run();
        });
    }
    const OpenApi api = served_description(c);
    for (const char* q : {"zouh", "zo", "zq"}) {
        auto res = c.Get("/api/v1/customers", httplib::Params{{"q", q}}, bearer(ops));
        REQUIRE(res->status == 200);
        check_described(api, "get", "/customers", res);
        const auto body = body_json(res);
        CHECK_MESSAGE(body["pagination"]["total"] == 1000, q);
        CHECK(body["pagination"]["total_is_lower_bound"] == true);
        REQUIRE(body["data"].size() == 20);
        // The first page in name order: P0000 is cli_z5104.
        CHECK_MESSAGE(body["data"][0]["client_id"] == "cli_z5104", q);
        CHECK(body["data"][19]["first_name"] == "P0019");
    }
    // Every match, page after page, in name order (last, first, id) and each once; descending
    // too. The last page, shorter, knows the exact count.
    const Rows all = all_pages(c, ops, "/api/v1/customers?q=zouh", 100);
    REQUIRE(all.size() == 5105);
    check_order(
        all,
        [](const nlohmann::json& r) {
            return std::vector<nlohmann::json>{r["last_name"], r["first_name"], r["client_id"]};
        },
        false, "q=zouh");
    const Rows down = all_pages(c, ops, "/api/v1/customers?q=zouh&sort=-last_name", 100);
    REQUIRE(down.size() == 5105);
    CHECK(down.front()["client_id"] == "cli_z0000");
    const auto p51 = body_json(c.Get("/api/v1/customers?q=zouh&per_page=100&page=51", bearer(ops)));
    CHECK(p51["pagination"]["total"] == 5100);
    CHECK(p51["pagination"]["total_is_lower_bound"] == true);
    const auto last = body_json(c.Get("/api/v1/customers?q=zouh&per_page=100&page=52", bearer(ops)));
    CHECK(last["data"].size() == 5);
    CHECK(last["pagination"] == nlohmann::json{{"page", 52}, {"per_page", 100}, {"total", 5105}, {"total_pages", 52}});
    // Under the cap, and without a search, the count is exact and says nothing more.
    const auto few = body_json(c.Get("/api/v1/customers?q=zq00001", bearer(ops)));
    CHECK(few["pagination"] == nlohmann::json{{"page", 1}, {"per_page", 20}, {"total", 10}, {"total_pages", 1}});
    const auto every = body_json(c.Get("/api/v1/customers", bearer(ops)));
    CHECK(every["pagination"]["total"] == 5108);
    CHECK_FALSE(every["pagination"].contains("total_is_lower_bound"));
    // A search sorted by another key reads and sorts its matches: same rows, that order.
    const Rows by_phone = all_pages(c, ops, "/api/v1/customers?q=zouh&sort=-phone", 100);
    REQUIRE(by_phone.size() == 5105);
    CHECK(by_phone.front()["phone"] == "+212700005104");
}
