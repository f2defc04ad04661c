// Staff accounts at the console (admins only): the list, an invitation whose password link is
// shown once, roles changed, an account disabled; the signed-in admin is not offered to
// disable themselves or take away their own admin role; ops do not see the section.
#include <doctest/doctest.h>

#include "console/app/staff_accounts.h"
#include "console_fixture.h"

namespace isp::console::test {
namespace {

constexpr const char* self_id = "stf_test0000000000001"; // ConsoleFixture::account_json's

nlohmann::json other_account(std::string id, std::string email, nlohmann::json roles, std::string state = "active") {
    nlohmann::json a = ConsoleFixture::account_json("ops");
    a["account_id"] = std::move(id);
    a["email"] = std::move(email);
    a["display_name"] = "Samir Alaoui";
    a["roles"] = std::move(roles);
    a["state"] = std::move(state);
    return a;
}

StaffAccounts& staff(ConsoleFixture& c) {
    return static_cast<StaffAccounts&>(*c.app().find("staff_accounts"));
}

void open_accounts(ConsoleFixture& c) {
    c.open_signed_in("admin");
    c.settle();
    nlohmann::json me = ConsoleFixture::account_json("admin");
    c.answer("GET", "/staff/accounts", 200,
             {{"data", {me, other_account("stf_samir000000000002", "samir@isp.example.ma", {"ops"})}},
              {"pagination", {{"page", 1}, {"per_page", 20}, {"total", 2}, {"total_pages", 1}}}});
    c.app().go(Place{"staff_accounts", "", ""});
    c.settle();
}

} // namespace

TEST_CASE("the accounts are listed for an admin; ops are not offered the section") {
    ConsoleFixture c;
    open_accounts(c);
    CHECK(c.state()["staff_accounts"]["accounts"].size() == 2);
    CHECK(c.state()["staff_accounts"]["accounts"][1]["roles"] == "ops");

    ConsoleFixture ops;
    ops.open_signed_in("ops");
    ops.settle();
    ops.app().go(Place{"staff_accounts", "", ""});
    CHECK(ops.state()["place"]["section"] != "staff_accounts");
    CHECK(ops.http.sent_to("GET", "/staff/accounts").empty());
}

TEST_CASE("inviting an account shows its password link once, then forgets it") {
    ConsoleFixture c;
    open_accounts(c);
    StaffAccounts& s = staff(c);
    s.start_invite();
    s.invite_email = "not an address";
    s.invite_display_name = "Yasmine Idrissi";
    s.invite();
    CHECK(c.http.sent_to("POST", "/staff/accounts").empty()); // the server's rule, checked first
    CHECK_FALSE(s.error_of("email").empty());

    s.invite_email = "yasmine@isp.example.ma";
    s.invite_roles = RolePick{false, true, false};
    s.invite_language = "en";
    const std::string url = "https://isp.example.ma/staff/#set-password=tok-invite";
    c.answer("POST", "/staff/accounts", 201,
             {{"account", other_account("stf_yasmine0000000003", "yasmine@isp.example.ma", {"ops"})},
              {"password_link", {{"url", url}, {"expires_at", "2026-11-30T10:00:00Z"}}}});
    s.invite();
    c.settle();
    const auto sent = c.http.sent_to("POST", "/staff/accounts");
    REQUIRE(sent.size() == 1);
    CHECK(nlohmann::json::parse(sent[0].body) == nlohmann::json{{"email", "yasmine@isp.example.ma"},
                                                                {"display_name", "Yasmine Idrissi"},
                                                                {"roles", {"ops"}},
                                                                {"language", "en"}});
    CHECK_FALSE(header(sent[0], "Idempotency-Key").empty());
    CHECK(c.state()["staff_accounts"]["invite_open"] == false);
    CHECK(c.state()["staff_accounts"]["link_dialog"] == true);
    CHECK(c.state()["staff_accounts"]["link_url"] == url);
    CHECK(c.state()["staff_accounts"]["link_for"] == "yasmine@isp.example.ma");
    CHECK(c.state()["staff_accounts"]["accounts"].size() == 3);

    s.close_link();
    CHECK(c.state()["staff_accounts"]["link_dialog"] == false);
    CHECK(c.state()["staff_accounts"]["link_url"] == "");
    CHECK_FALSE(s.link());
}

TEST_CASE("a password reset answers a new link in the same dialog") {
    ConsoleFixture c;
    open_accounts(c);
    c.answer("POST", "/staff/accounts/{account_id}/password-link", 201,
             {{"url", "https://isp.example.ma/staff/#set-password=tok-reset"}, {"expires_at", "2026-11-30T10:00:00Z"}});
    staff(c).reset_password("stf_samir000000000002");
    c.settle();
    CHECK(c.http.sent_to("POST", "/staff/accounts/{account_id}/password-link").size() == 1);
    CHECK(c.state()["staff_accounts"]["link_for"] == "samir@isp.example.ma");
    CHECK(c.state()["staff_accounts"]["link_url"] == "https://isp.example.ma/staff/#set-password=tok-reset");
}

TEST_CASE("an admin cannot disable themselves nor take away their own admin role; others can be changed") {
    ConsoleFixture c;
    open_accounts(c);
    StaffAccounts& s = staff(c);
    const StaffAccount* me = s.find(self_id);
    REQUIRE(me);
    CHECK(s.is_self(*me));
    CHECK_FALSE(s.may_disable(*me));
    CHECK_FALSE(s.may_remove_admin(*me));
    s.set_disabled(self_id, true);
    CHECK(c.http.sent_to("PATCH", "/staff/accounts/{account_id}").empty());

    s.start_roles(self_id);
    s.edit_roles.admin = false;
    s.save_roles();
    CHECK(c.http.sent_to("PATCH", "/staff/accounts/{account_id}").empty());
    CHECK_FALSE(s.error_of("roles").empty());

    // Another account: disabled, then given the viewer role too.
    const StaffAccount* samir = s.find("stf_samir000000000002");
    REQUIRE(samir);
    CHECK(s.may_disable(*samir));
    c.answer("PATCH", "/staff/accounts/{account_id}", 200,
             other_account("stf_samir000000000002", "samir@isp.example.ma", {"ops"}, "disabled"));
    s.set_disabled("stf_samir000000000002", true);
    c.settle();
    auto sent = c.http.sent_to("PATCH", "/staff/accounts/{account_id}");
    REQUIRE(sent.size() == 1);
    CHECK(nlohmann::json::parse(sent[0].body) == nlohmann::json{{"state", "disabled"}});
    CHECK(c.state()["staff_accounts"]["accounts"][1]["state"] == "disabled");

    s.start_roles("stf_samir000000000002");
    s.edit_roles.viewer = true;
    c.answer("PATCH", "/staff/accounts/{account_id}", 200,
             other_account("stf_samir000000000002", "samir@isp.example.ma", {"ops", "viewer"}, "disabled"));
    s.save_roles();
    c.settle();
    sent = c.http.sent_to("PATCH", "/staff/accounts/{account_id}");
    REQUIRE(sent.size() == 2);
    CHECK(nlohmann::json::parse(sent[1].body) == nlohmann::json{{"roles", {"ops", "viewer"}}});
    CHECK(c.state()["staff_accounts"]["roles_open"] == false);
}

} // namespace isp::console::test
