// Staff authentication (issue #4, process map P0): tokens, roles, revocation, X-Actor-Id.
#include <doctest/doctest.h>

#include "../support/test_server.h"
#include "server/app/token_command.h"
#include "server/config/server_config.h"
#include "server/services/staff_tokens.h"
#include "server/store/database.h"

using namespace isp::test;

TEST_CASE("GET /me and /admin/ping: no token 401, ops on admin-only 403, right role 200") {
    TestServer server;
    auto c = server.client();
    const std::string admin = create_staff_token(server, "admin", "Alice");
    const std::string ops = create_staff_token(server, "ops", "Omar");

    for (const char* path : {"/api/v1/me", "/api/v1/admin/ping"}) {
        auto none = c.Get(path);
        REQUIRE(none);
        CHECK(none->status == 401);
        CHECK(body_json(none)["code"] == "authentication_required");
        CHECK(none->get_header_value("WWW-Authenticate").rfind("Bearer", 0) == 0);
        CHECK(none->get_header_value("Content-Type") == "application/problem+json");
        auto wrong = c.Get(path, bearer("pst_stk_nope_nope"));
        CHECK(wrong->status == 401);
        auto basic = c.Get(path, {{"Authorization", "Basic YTpi"}});
        CHECK(basic->status == 401);
        CHECK(c.Get(path, bearer(admin))->status == 200);
    }
    auto me = c.Get("/api/v1/me", bearer(ops));
    REQUIRE(me->status == 200);
    const auto j = body_json(me);
    CHECK(j["name"] == "Omar");
    CHECK(j["roles"] == nlohmann::json::array({"ops"}));
    CHECK(j["actor"] == "Omar");
    CHECK(j["authenticated_by"] == "token");
    CHECK(j["token_id"].get<std::string>().rfind("stk_", 0) == 0);
    CHECK(ops.rfind("pst_" + j["token_id"].get<std::string>() + "_", 0) == 0);

    auto ping = c.Get("/api/v1/admin/ping", bearer(ops));
    CHECK(ping->status == 403);
    CHECK(body_json(ping)["code"] == "forbidden_role");

    // X-Actor-Id with a token names who acts.
    auto acting = c.Get("/api/v1/me", {{"Authorization", "Bearer " + admin}, {"X-Actor-Id", "agent-17"}});
    CHECK(body_json(acting)["actor"] == "agent-17");
    CHECK(body_json(acting)["name"] == "Alice");
}

TEST_CASE("a revoked token is refused at once; tokens are stored hashed and listed without secrets") {
    TestServer server;
    auto c = server.client();
    const std::string token = create_staff_token(server, "admin,ops", "Temporary");
    REQUIRE(c.Get("/api/v1/me", bearer(token))->status == 200);
    const std::string id = body_json(c.Get("/api/v1/me", bearer(token)))["token_id"];

    isp::store::Database db(server.db_path());
    const auto listed = isp::services::list_staff_tokens(db);
    REQUIRE(listed.size() == 1);
    CHECK(listed[0].roles == "admin,ops");
    CHECK_FALSE(listed[0].revoked_at);
    const std::string hash = db.read([](isp::store::Connection& conn) {
        auto st = conn.prepare("SELECT token_hash FROM staff_tokens");
        st.step();
        return st.text(0);
    });
    CHECK(hash.size() == 64);
    CHECK(hash != token);

    CHECK(isp::services::revoke_staff_token(db, id, "2026-11-23T11:00:00Z"));
    CHECK_FALSE(isp::services::revoke_staff_token(db, "stk_unknown", "2026-11-23T11:00:00Z"));
    auto after = c.Get("/api/v1/me", bearer(token));
    CHECK(after->status == 401);
    CHECK(body_json(after)["code"] == "authentication_required");
    CHECK(isp::services::list_staff_tokens(db)[0].revoked_at == "2026-11-23T11:00:00Z");
}

TEST_CASE("X-Actor-Id alone is refused unless the server trusts its proxy") {
    TestServer plain;
    auto c = plain.client();
    const httplib::Headers actor = {{"X-Actor-Id", "agent-17"}, {"X-Actor-Roles", "admin"}};
    auto refused = c.Get("/api/v1/me", actor);
    CHECK(refused->status == 401);
    CHECK(body_json(refused)["code"] == "authentication_required");
    CHECK(c.Get("/api/v1/admin/ping", actor)->status == 401);

    TestServer proxied(true, [](isp::ServerConfig& cfg) { cfg.trust_proxy_actor = true; });
    auto p = proxied.client();
    auto me = p.Get("/api/v1/me", actor);
    REQUIRE(me->status == 200);
    CHECK(body_json(me)["actor"] == "agent-17");
    CHECK(body_json(me)["authenticated_by"] == "proxy");
    CHECK(body_json(me)["token_id"].is_null());
    CHECK(p.Get("/api/v1/admin/ping", actor)->status == 200);
    CHECK(p.Get("/api/v1/admin/ping", {{"X-Actor-Id", "agent-18"}, {"X-Actor-Roles", "ops"}})->status == 403);
    CHECK(p.Get("/api/v1/me", {{"X-Actor-Id", "agent-18"}})->status == 401); // no roles
    CHECK(p.Get("/api/v1/me", {{"X-Actor-Id", "agent-18"}, {"X-Actor-Roles", "root"}})->status == 401);
    // A token still has to be valid when the proxy is trusted.
    CHECK(p.Get("/api/v1/me",
                {{"Authorization", "Bearer pst_bad"}, {"X-Actor-Id", "agent-17"}, {"X-Actor-Roles", "admin"}})
              ->status == 401);
}

TEST_CASE("roles parse strictly and admin grants everything") {
    using isp::services::Role;
    CHECK(isp::services::parse_roles("admin,ops") == std::vector<Role>{Role::Admin, Role::Ops});
    CHECK(isp::services::parse_roles(" ops , ops") == std::vector<Role>{Role::Ops});
    CHECK_FALSE(isp::services::parse_roles(""));
    CHECK_FALSE(isp::services::parse_roles("admin,root"));
    CHECK(isp::services::grants({Role::Admin}, Role::Ops));
    CHECK_FALSE(isp::services::grants({Role::Ops}, Role::Admin));
}

TEST_CASE("the token subcommand: create prints the secret once, list never shows it, revoke works") {
    TestServer server;
    isp::ServerConfig config;
    config.db_path = server.db_path();
    config.fixed_time = default_now;
    auto run = [&](isp::TokenCommand cmd) {
        char* buf = nullptr;
        std::size_t len = 0;
        std::FILE* out = open_memstream(&buf, &len);
        std::FILE* err = std::fopen("/dev/null", "w");
        const int rc = isp::run_token_command(cmd, config, out, err);
        std::fclose(out);
        std::fclose(err);
        std::string text(buf, len);
        std::free(buf);
        return std::pair(rc, text);
    };
    const auto [rc, created] = run({"create", "CI bot", "ops", "", ""});
    REQUIRE(rc == 0);
    const auto at = created.find("token: ");
    REQUIRE(at != std::string::npos);
    const std::string token = created.substr(at + 7, created.find('\n', at) - at - 7);
    CHECK(token.rfind("pst_stk_", 0) == 0);
    auto c = server.client();
    CHECK(c.Get("/api/v1/me", bearer(token))->status == 200);

    const auto [lrc, listing] = run({"list", "", "", "", ""});
    CHECK(lrc == 0);
    CHECK(listing.find("CI bot") != std::string::npos);
    CHECK(listing.find(token) == std::string::npos);
    CHECK(listing.find(token.substr(token.rfind('_') + 1)) == std::string::npos);

    CHECK(run({"create", "x", "root", "", ""}).first == 2);
    const std::string id = body_json(c.Get("/api/v1/me", bearer(token)))["token_id"];
    CHECK(run({"revoke", "", "", id, ""}).first == 0);
    CHECK(run({"revoke", "", "", "stk_unknown", ""}).first == 1);
    CHECK(c.Get("/api/v1/me", bearer(token))->status == 401);
}
