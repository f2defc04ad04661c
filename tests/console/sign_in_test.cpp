// Signing in to the console, the second factor, a password link, and a session that ends
// in the middle of the work: back to sign-in, then to the same place.
#include <doctest/doctest.h>

#include "console_fixture.h"

namespace isp::console::test {

TEST_CASE("no session: the console opens on the sign-in; a right password signs in to Today") {
    ConsoleFixture c;
    c.open_signed_out();
    CHECK(c.state()["phase"] == "signed_out");
    CHECK(c.state()["sign_in"]["stage"] == "credentials");

    c.app().sign_in().email = "ops@isp.example.ma";
    c.app().sign_in().password = "correct horse battery staple";
    c.answer("POST", "/staff/session", 200,
             {{"account", ConsoleFixture::account_json("ops")},
              {"csrf_token", "csrf-1"},
              {"expires_at", "2026-11-23T22:00:00Z"},
              {"idle_timeout_seconds", 1800},
              {"second_factor_enrolment_required", false}});
    c.app().sign_in().submit();
    CHECK(c.state()["busy"] == "signing_in");
    c.http.deliver();
    CHECK(c.state()["phase"] == "signed_in");
    CHECK(c.state()["place"]["section"] == "today");
    CHECK(c.state()["account"]["roles"] == "ops");
    // ops sees no staff accounts: that section is not offered.
    const auto sections = c.state()["sections"];
    CHECK(std::find(sections.begin(), sections.end(), "staff_accounts") == sections.end());
    CHECK(std::find(sections.begin(), sections.end(), "billing") != sections.end());
    // The password is not kept once signed in.
    CHECK(c.app().sign_in().password.empty());
}

TEST_CASE("an account with an authenticator: the code is asked for, then sent with the password") {
    ConsoleFixture c;
    c.open_signed_out();
    c.app().sign_in().email = "admin@isp.example.ma";
    c.app().sign_in().password = "correct horse battery staple";
    c.problem("POST", "/staff/session", 401, "second_factor_required", "Enter the code of your authenticator app.");
    c.app().sign_in().submit();
    c.http.deliver();
    CHECK(c.state()["sign_in"]["stage"] == "second_factor");
    CHECK(c.state()["notice"] == ""); // not a failure: the next step

    c.app().sign_in().totp_code = "123456";
    c.answer("POST", "/staff/session", 200,
             {{"account", ConsoleFixture::account_json("admin")},
              {"csrf_token", "csrf-1"},
              {"expires_at", "2026-11-23T22:00:00Z"},
              {"idle_timeout_seconds", 1800},
              {"second_factor_enrolment_required", false}});
    c.app().sign_in().submit();
    const auto sent = c.http.sent_to("POST", "/staff/session");
    REQUIRE(sent.size() == 2);
    const auto body = nlohmann::json::parse(sent[1].body);
    CHECK(body["totp_code"] == "123456");
    CHECK(body["password"] == "correct horse battery staple");
    c.http.deliver();
    CHECK(c.state()["phase"] == "signed_in");
}

TEST_CASE("a wrong password says so and offers no way around the server's one answer") {
    ConsoleFixture c;
    c.open_signed_out();
    c.app().sign_in().email = "ops@isp.example.ma";
    c.app().sign_in().password = "wrong wrong wrong";
    c.problem("POST", "/staff/session", 401, "sign_in_failed", "The e-mail address or the password is wrong.");
    c.app().sign_in().submit();
    c.http.deliver();
    CHECK(c.state()["phase"] == "signed_out");
    CHECK(c.state()["notice"].get<std::string>().find("The e-mail address or the password is wrong.") !=
          std::string::npos);
}

TEST_CASE("a password link in the address: the token is taken out of it and the rule is checked as typed") {
    ConsoleFixture c;
    c.browser.fragment = "set-password=tok123";
    c.app().start();
    CHECK(c.browser.fragment.empty()); // not left in the address bar or the history
    CHECK(c.state()["sign_in"]["stage"] == "set_password");
    c.app().sign_in().new_password = "password1234"; // in the common-passwords list
    CHECK_FALSE(c.app().sign_in().new_password_problem().empty());
    c.app().sign_in().new_password = "violet tram under the bridge";
    CHECK(c.app().sign_in().new_password_problem().empty());
    c.app().sign_in().repeated_password = "violet tram under the bridge";
    c.answer("POST", "/staff/password", 204, nullptr);
    c.app().sign_in().submit_new_password();
    const auto sent = c.http.sent_to("POST", "/staff/password");
    REQUIRE(sent.size() == 1);
    CHECK(nlohmann::json::parse(sent[0].body)["token"] == "tok123");
    c.http.deliver();
    CHECK(c.state()["sign_in"]["stage"] == "credentials");
}

TEST_CASE("a session that ends mid-work returns to sign-in, then to the same place") {
    ConsoleFixture c;
    c.open_signed_in("ops");
    c.settle();
    // Any call that finds the session gone: here the customer page's loads.
    for (const char* path : {"/customers/{client_id}", "/contracts", "/invoices", "/collections/payments",
                             "/collections/cases", "/customers/{client_id}/notifications"})
        c.problem("GET", path, 401, "authentication_required", "Sign in.");
    c.app().go(Place{"customers", "cli_43", ""});
    c.http.deliver();
    CHECK(c.state()["phase"] == "signed_out");
    CHECK_FALSE(c.state()["notice"].get<std::string>().empty());

    c.app().sign_in().email = "ops@isp.example.ma";
    c.app().sign_in().password = "correct horse battery staple";
    c.answer("POST", "/staff/session", 200,
             {{"account", ConsoleFixture::account_json("ops")},
              {"csrf_token", "csrf-2"},
              {"expires_at", "2026-11-23T22:00:00Z"},
              {"idle_timeout_seconds", 1800},
              {"second_factor_enrolment_required", false}});
    c.app().sign_in().submit();
    c.http.deliver();
    CHECK(c.state()["phase"] == "signed_in");
    CHECK(c.state()["place"]["section"] == "customers");
    CHECK(c.state()["place"]["id"] == "cli_43");
}

} // namespace isp::console::test
