// The role matrix (issues #4 and #12): every staff operation of the served OpenAPI document,
// called as a viewer, as ops and as an admin, by token and by session, answers as its
// `x-roles` says - 403 forbidden_role exactly for the roles it does not list, and never
// 401/403 for the roles it lists. The document is read from the server, so an operation
// added later is in the matrix without a change here.
#include <algorithm>
#include <regex>
#include <set>

#include <doctest/doctest.h>

#include "../support/problem_check.h"
#include "../support/staff_session.h"
#include "../support/test_server.h"

using namespace isp::test;

namespace {

struct Operation {
    std::string method; // "get", "post", ...
    std::string path;   // as in the document: "/customers/{client_id}"
    std::vector<std::string> roles;
    std::set<std::string> security; // the schemes it accepts: bearerAuth, staffSession, ...
};

bool is_public(const nlohmann::json& roles) {
    return roles.empty() || roles[0].get<std::string>().rfind("public", 0) == 0;
}

std::vector<Operation> staff_operations(const nlohmann::json& doc) {
    std::vector<Operation> out;
    for (const auto& [path, item] : doc.at("paths").items())
        for (const auto& [method, op] : item.items()) {
            if (method != "get" && method != "post" && method != "put" && method != "patch" && method != "delete")
                continue;
            const auto roles = op.value("x-roles", nlohmann::json::array());
            if (is_public(roles))
                continue;
            Operation o{method, path, roles.get<std::vector<std::string>>(), {}};
            for (const auto& requirement : op.value("security", nlohmann::json::array()))
                for (const auto& [scheme, scopes] : requirement.items())
                    o.security.insert(scheme);
            out.push_back(std::move(o));
        }
    return out;
}

bool lists(const Operation& op, const std::string& role) {
    return std::find(op.roles.begin(), op.roles.end(), role) != op.roles.end();
}

// "/customers/{client_id}" -> "/api/v1/customers/nope": an id no one has.
std::string concrete(const std::string& path) {
    return "/api/v1" + std::regex_replace(path, std::regex("\\{[^}]+\\}"), "nope");
}

bool has_parameter(const std::string& path) {
    return path.find('{') != std::string::npos;
}

// The call, with an empty JSON object as the body of every write.
httplib::Result call(httplib::Client& c, const Operation& op, const httplib::Headers& headers) {
    const std::string url = concrete(op.path);
    if (op.method == "get")
        return c.Get(url, headers);
    if (op.method == "post")
        return c.Post(url, headers, "{}", "application/json");
    if (op.method == "put")
        return c.Put(url, headers, "{}", "application/json");
    if (op.method == "patch")
        return c.Patch(url, headers, "{}", "application/json");
    return c.Delete(url, headers, "{}", "application/json");
}

// What the server must answer `role` for `op`, given what `res` is.
void check_role(const Operation& op, const std::string& role, const httplib::Result& res) {
    REQUIRE(res);
    CAPTURE(res->body);
    if (!lists(op, role)) {
        check_problem(res, 403, "forbidden_role");
        return;
    }
    CHECK(res->status != 401);
    CHECK(res->status != 403);
    // 404 only for the made-up id: a path without one that answers 404 is not served at all.
    if (!has_parameter(op.path))
        CHECK(res->status != 404);
    CHECK(res->status < 500);
}

} // namespace

TEST_CASE("x-roles follow the role rules and the endpoints of docs/staff-accounts.md are described") {
    TestServer server;
    auto c = server.client();
    const auto doc = body_json(c.Get("/api/v1/openapi.json"));
    const auto ops = staff_operations(doc);
    CHECK(ops.size() >= 45); // 47 when written: the document is not read empty
    for (const auto& op : ops) {
        CAPTURE(op.method + " " + op.path);
        for (const auto& r : op.roles)
            CHECK((r == "admin" || r == "ops" || r == "viewer"));
        CHECK(lists(op, "admin"));                         // admin grants every role
        CHECK((!lists(op, "viewer") || lists(op, "ops"))); // ops grants viewer
        if (op.method == "get")                            // reads are the viewer's, admin ones aside
            CHECK((op.roles == std::vector<std::string>{"admin"} || lists(op, "viewer")));
        CHECK((op.security.count("bearerAuth") || op.security.count("staffSession")));
    }

    // The table of docs/staff-accounts.md, with its roles.
    const std::vector<std::tuple<std::string, std::string, std::vector<std::string>>> table = {
        {"post", "/staff/session", {"public"}},
        {"delete", "/staff/session", {"admin", "ops", "viewer"}},
        {"get", "/me", {"admin", "ops", "viewer"}},
        {"post", "/staff/password", {"public"}},
        {"post", "/staff/me/password", {"admin", "ops", "viewer"}},
        {"post", "/staff/me/totp", {"admin", "ops", "viewer"}},
        {"post", "/staff/me/totp/confirm", {"admin", "ops", "viewer"}},
        {"delete", "/staff/me/totp", {"admin", "ops", "viewer"}},
        {"get", "/staff/accounts", {"admin"}},
        {"post", "/staff/accounts", {"admin"}},
        {"get", "/staff/accounts/{account_id}", {"admin"}},
        {"patch", "/staff/accounts/{account_id}", {"admin"}},
        {"post", "/staff/accounts/{account_id}/password-link", {"admin"}},
        {"get", "/staff/audit", {"admin"}},
    };
    for (const auto& [method, path, roles] : table) {
        CAPTURE(method + " " + path);
        REQUIRE(doc["paths"].contains(path));
        REQUIRE(doc["paths"][path].contains(method));
        auto described = doc["paths"][path][method]["x-roles"].get<std::vector<std::string>>();
        std::sort(described.begin(), described.end());
        CHECK(described == roles);
    }
    CHECK(doc["components"]["securitySchemes"]["staffSession"]["in"] == "cookie");
    CHECK(doc["components"]["securitySchemes"]["staffSession"]["name"] == "staff_session");
}

TEST_CASE("role matrix by token: every staff operation answers viewer, ops and admin tokens as its x-roles says") {
    TestServer server(true, quick_staff_config);
    auto c = server.client();
    const auto ops = staff_operations(body_json(c.Get("/api/v1/openapi.json")));
    int called = 0;
    for (const std::string role : {"viewer", "ops", "admin"}) {
        const std::string token = create_staff_token(server, role, role + " token");
        for (const auto& op : ops) {
            if (!op.security.count("bearerAuth"))
                continue; // an operation on one's own session or account: by session below
            CAPTURE(role + " " + op.method + " " + op.path);
            auto headers = bearer(token);
            headers.emplace("Idempotency-Key", new_key()); // some writes require one
            check_role(op, role, call(c, op, headers));
            ++called;
        }
    }
    CHECK(called >= 3 * 40);
}

TEST_CASE("role matrix by session: the same answers for people signed in with each role") {
    TestServer server(true, quick_staff_config);
    auto c = server.client();
    const auto ops = staff_operations(body_json(c.Get("/api/v1/openapi.json")));
    const auto admin = bearer(create_staff_token(server, "admin"));
    int called = 0;
    for (const std::string role : {"viewer", "ops", "admin"}) {
        const std::string email = role + "@example.ma";
        new_signed_in_account(server, c, admin, email, {role});
        for (const auto& op : ops) {
            if (!op.security.count("staffSession"))
                continue;
            CAPTURE(role + " " + op.method + " " + op.path);
            // A fresh session for each call: some (signing out) end the one they are made with.
            const StaffBrowser person = signed_in(server, c, email, good_password);
            check_role(op, role, call(c, op, op.method == "get" ? person.reads() : person.writes()));
            ++called;
        }
    }
    CHECK(called >= 3 * 45);
}
