// "My account" at the console: reached from the top bar (not listed in the navigation);
// two-step sign-in set up with the password, the QR code and a first code (a wrong code, a
// wrong password, recovery codes shown once then forgotten, a confirmation whose answer was
// lost), new recovery codes made, turned off with the password; the password changed, its rule checked as typed and the
// server's refusals shown on their fields; the secret forgotten when the person leaves.
#include <doctest/doctest.h>

#include "console/app/account.h"
#include "console_fixture.h"
#include "shared/wire/staff_session_json.h"

namespace isp::console::test {

// Named, not anonymous: unity builds put this file beside the other sections' tests.
namespace account_journeys {

constexpr const char* secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
constexpr const char* uri = "otpauth://totp/ISP:admin%40isp.example.ma?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
                            "&issuer=ISP&algorithm=SHA1&digits=6&period=30";
constexpr const char* password = "correct horse battery";

// A version-1 sized matrix (21 modules): the console draws whatever modules it is given.
nlohmann::json enrolment_answer() {
    TotpEnrolment e{secret, uri, {}};
    e.qr_code.size = 21;
    for (int row = 0; row < 21; ++row) {
        std::string modules(21, '0');
        for (int column = 0; column < 21; ++column)
            if ((row + column) % 3 == 0)
                modules[static_cast<std::size_t>(column)] = '1';
        e.qr_code.rows.push_back(std::move(modules));
    }
    return wire::to_json(e);
}

nlohmann::json ten_codes() {
    std::vector<std::string> codes;
    for (int i = 0; i < 10; ++i)
        codes.push_back("k3m9xq-7hp2w" + std::to_string(i));
    return wire::recovery_codes_json(codes);
}

Account& my_account(ConsoleFixture& c) {
    return static_cast<Account&>(*c.app().find("account"));
}

// Signed in (with or without a second factor), at "My account".
void open_my_account(ConsoleFixture& c, bool second_factor = false) {
    nlohmann::json me = ConsoleFixture::me_answer("admin");
    me["account"]["second_factor"] = second_factor;
    c.answer("GET", "/me", 200, me);
    c.answer("GET", "/staff/today", 200, ConsoleFixture::today_answer());
    c.app().start();
    c.settle();
    c.app().go(Place{"account", {}, {}});
    c.settle();
}

// Set up as far as the QR code.
void reach_the_qr_code(ConsoleFixture& c) {
    Account& a = my_account(c);
    a.start_set_up();
    a.password = password;
    c.answer("POST", "/staff/me/totp", 200, enrolment_answer());
    a.begin_enrolment();
    c.settle();
    REQUIRE(a.stage() == Account::Stage::Scan);
}

TEST_CASE("my account is reached from the top bar, not listed in the navigation") {
    ConsoleFixture c;
    open_my_account(c);
    const nlohmann::json state = c.state();
    CHECK(state["place"]["section"] == "account");
    for (const auto& name : state["sections"])
        CHECK(name != "account");
    CHECK(state["my_account"]["second_factor"] == false);
    CHECK(state["my_account"]["stage"] == "idle");
    CHECK(c.http.unused().empty());
}

TEST_CASE("setting up two-step sign-in: password, QR code, a wrong code, the right one, recovery codes once") {
    ConsoleFixture c;
    open_my_account(c);
    Account& a = my_account(c);

    a.start_set_up();
    CHECK(c.state()["my_account"]["stage"] == "set_up_password");
    a.begin_enrolment(); // no password typed: nothing sent
    CHECK(c.http.sent_to("POST", "/staff/me/totp").empty());
    CHECK_FALSE(a.error_of("password").empty());

    a.password = password;
    c.answer("POST", "/staff/me/totp", 200, enrolment_answer());
    a.begin_enrolment();
    CHECK(c.state()["busy"] == "saving");
    c.settle();
    const auto sent = c.http.sent_to("POST", "/staff/me/totp");
    REQUIRE(sent.size() == 1);
    CHECK(nlohmann::json::parse(sent[0].body) == nlohmann::json{{"password", password}});
    CHECK(header(sent[0], "X-CSRF-Token") == "csrf-test-token");
    CHECK_FALSE(header(sent[0], "Idempotency-Key").empty());

    CHECK(a.stage() == Account::Stage::Scan);
    CHECK(a.password.empty()); // not kept once used
    REQUIRE(a.enrolment());
    CHECK(a.enrolment()->qr_code.size == 21);
    CHECK(a.enrolment()->otpauth_uri == uri);
    CHECK(a.secret_in_groups() == "JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP");
    CHECK(c.state()["my_account"]["qr_size"] == 21);
    // The tests' state never carries the secret.
    CHECK(c.state().dump().find("JBSWY3DP") == std::string::npos);

    // Not six digits: refused before sending.
    a.code = "12a45";
    a.confirm();
    CHECK(c.http.sent_to("POST", "/staff/me/totp/confirm").empty());
    CHECK_FALSE(a.error_of("totp_code").empty());

    // A wrong code: said on the field, cleared for the next one, the QR code still there.
    a.code = "123456";
    c.problem("POST", "/staff/me/totp/confirm", 401, "second_factor_invalid", "This code is not the current one.");
    a.confirm();
    c.settle();
    CHECK(a.stage() == Account::Stage::Scan);
    CHECK(a.code.empty());
    CHECK(c.state()["my_account"]["errors"]["totp_code"] == "second_factor_invalid");
    CHECK(c.state()["phase"] == "signed_in"); // a 401 of the code, not of the session

    a.code = "654321";
    c.answer("POST", "/staff/me/totp/confirm", 200, ten_codes());
    a.confirm();
    c.settle();
    auto confirms = c.http.sent_to("POST", "/staff/me/totp/confirm");
    REQUIRE(confirms.size() == 2);
    CHECK(nlohmann::json::parse(confirms[1].body) == nlohmann::json{{"code", "654321"}});
    CHECK(header(confirms[1], "Idempotency-Key") != header(confirms[0], "Idempotency-Key"));

    CHECK(a.stage() == Account::Stage::RecoveryCodes);
    CHECK(a.recovery_codes().size() == 10);
    CHECK(a.recovery_codes_text().find("k3m9xq-7hp2w0\nk3m9xq-7hp2w1\n") == 0);
    CHECK_FALSE(a.enrolment()); // the secret is gone once enrolled
    CHECK(c.state()["my_account"]["second_factor"] == true);
    CHECK(c.state()["my_account"]["recovery_code_count"] == 10);
    CHECK(c.state().dump().find("k3m9xq") == std::string::npos);
    CHECK(c.app().context().account->second_factor);

    // Shown once: closed, they are gone.
    a.close_dialog();
    CHECK(a.stage() == Account::Stage::Idle);
    CHECK(a.recovery_codes().empty());
    REQUIRE(a.notice());
    CHECK(a.notice()->kind == Notice::Kind::Success);
    CHECK(c.http.unused().empty());
}

TEST_CASE("a wrong password does not start the enrolment; it is said on the password") {
    ConsoleFixture c;
    open_my_account(c);
    Account& a = my_account(c);
    a.start_set_up();
    a.password = "not my password at all";
    c.problem("POST", "/staff/me/totp", 403, "password_incorrect", "The password is wrong.");
    a.begin_enrolment();
    c.settle();
    CHECK(a.stage() == Account::Stage::SetUpPassword);
    CHECK_FALSE(a.enrolment());
    CHECK_FALSE(a.error_of("password").empty());
    REQUIRE(a.notice());
    CHECK(a.notice()->kind == Notice::Kind::Error);
    CHECK_FALSE(a.notice()->retry); // trying the same password again cannot help

    // Cancel (or Esc): the dialog and its failure go.
    a.close_dialog();
    CHECK(a.stage() == Account::Stage::Idle);
    CHECK(a.password.empty());
    CHECK_FALSE(a.notice());
}

TEST_CASE("leaving the screen forgets the QR code and the secret; coming back starts afresh") {
    ConsoleFixture c;
    open_my_account(c);
    reach_the_qr_code(c);
    Account& a = my_account(c);
    a.code = "12";
    c.answer("GET", "/staff/today", 200, ConsoleFixture::today_answer());
    c.app().go(Place{"today", {}, {}});
    c.settle();
    CHECK_FALSE(a.enrolment());
    CHECK(a.code.empty());
    CHECK(a.stage() == Account::Stage::Idle);

    c.app().go(Place{"account", {}, {}});
    CHECK(c.state()["my_account"]["stage"] == "idle");
    CHECK(c.state()["my_account"]["qr_size"] == 0);
}

TEST_CASE("a confirmation whose answer was lost: the retry keeps its key; already enrolled says the codes are lost") {
    ConsoleFixture c;
    open_my_account(c);
    reach_the_qr_code(c);
    Account& a = my_account(c);
    a.code = "654321";
    c.http.fail_network("POST", "/staff/me/totp/confirm");
    a.confirm();
    c.settle();
    REQUIRE(a.notice());
    REQUIRE(a.notice()->retry);
    CHECK(a.stage() == Account::Stage::Scan);

    c.problem("POST", "/staff/me/totp/confirm", 409, "totp_already_enrolled", "A second factor is already enrolled.");
    a.notice()->retry();
    c.settle();
    const auto sent = c.http.sent_to("POST", "/staff/me/totp/confirm");
    REQUIRE(sent.size() == 2);
    CHECK(header(sent[0], "Idempotency-Key") == header(sent[1], "Idempotency-Key"));
    CHECK(a.stage() == Account::Stage::Idle);
    CHECK_FALSE(a.enrolment());
    CHECK(c.state()["my_account"]["second_factor"] == true);
    REQUIRE(a.notice());
    CHECK(a.notice()->kind == Notice::Kind::Error);
    CHECK(a.notice()->text.find("secours") != std::string::npos); // the account's language: French
}

TEST_CASE("new recovery codes: the password and a current code; a refused code is asked again; shown once") {
    ConsoleFixture c;
    open_my_account(c, true);
    Account& a = my_account(c);
    a.start_new_codes();
    REQUIRE(a.stage() == Account::Stage::NewCodes);
    CHECK(c.state()["my_account"]["stage"] == "new_codes");

    a.password = password;
    a.code = "12345"; // five digits: not sent
    a.replace_codes();
    CHECK(c.http.sent_to("POST", "/staff/me/recovery-codes").empty());
    CHECK(c.state()["my_account"]["errors"]["totp_code"] == "format");

    a.code = "111111";
    c.problem("POST", "/staff/me/recovery-codes", 401, "second_factor_invalid", "This code is not the current one.");
    a.replace_codes();
    c.settle();
    CHECK(a.stage() == Account::Stage::NewCodes);
    CHECK(a.code.empty()); // the next code the app shows
    CHECK(c.state()["my_account"]["errors"]["totp_code"] == "second_factor_invalid");

    a.code = "222222";
    c.answer("POST", "/staff/me/recovery-codes", 200, ten_codes());
    a.replace_codes();
    c.settle();
    const auto sent = c.http.sent_to("POST", "/staff/me/recovery-codes");
    REQUIRE(sent.size() == 2);
    CHECK(nlohmann::json::parse(sent[1].body) == nlohmann::json{{"password", password}, {"code", "222222"}});
    CHECK(header(sent[0], "Idempotency-Key") != header(sent[1], "Idempotency-Key")); // refused: a new write
    CHECK(a.stage() == Account::Stage::RecoveryCodes);
    CHECK(a.recovery_codes().size() == 10);
    CHECK(a.password.empty());
    CHECK(a.code.empty());

    a.close_dialog();
    CHECK(a.recovery_codes().empty());
    REQUIRE(a.notice());
    CHECK(a.notice()->kind == Notice::Kind::Success);
    CHECK(a.notice()->text.find("anciens") != std::string::npos); // "the old ones no longer work"
}

TEST_CASE("turning two-step sign-in off takes the password; a role that requires it is refused") {
    ConsoleFixture c;
    open_my_account(c, true);
    Account& a = my_account(c);
    CHECK(c.state()["my_account"]["second_factor"] == true);
    a.start_set_up(); // not offered while enrolled
    CHECK(a.stage() == Account::Stage::Idle);

    a.start_turn_off();
    CHECK(a.stage() == Account::Stage::TurnOff);
    a.password = password;
    c.problem("DELETE", "/staff/me/totp", 409, "second_factor_mandatory", "Your role requires a second factor.");
    a.turn_off();
    c.settle();
    CHECK(a.stage() == Account::Stage::TurnOff);
    CHECK(c.state()["my_account"]["second_factor"] == true);
    REQUIRE(a.notice());
    CHECK(a.notice()->text.find("Your role requires a second factor.") != std::string::npos);

    c.answer("DELETE", "/staff/me/totp", 204, nullptr);
    a.turn_off();
    c.settle();
    const auto sent = c.http.sent_to("DELETE", "/staff/me/totp");
    REQUIRE(sent.size() == 2);
    CHECK(nlohmann::json::parse(sent[1].body) == nlohmann::json{{"password", password}});
    CHECK(header(sent[1], "X-CSRF-Token") == "csrf-test-token");
    CHECK(a.stage() == Account::Stage::Idle);
    CHECK(a.password.empty());
    CHECK(c.state()["my_account"]["second_factor"] == false);
    REQUIRE(a.notice());
    CHECK(a.notice()->kind == Notice::Kind::Success);
}

TEST_CASE("changing the password: the rule as typed, the server's refusals on their fields, then done") {
    ConsoleFixture c;
    open_my_account(c);
    Account& a = my_account(c);

    // The shared rule, as typed: too short, then fine.
    a.new_password = "short";
    CHECK_FALSE(a.new_password_problem().empty());
    CHECK(c.state()["my_account"]["new_password_problem"] != "");
    a.new_password = "a long and new pass phrase";
    CHECK(a.new_password_problem().empty());

    // Nothing sent without the current password, nor with a repetition that differs.
    a.repeated_password = "a long and new pass phrase!";
    a.change_password();
    CHECK(c.http.sent_to("POST", "/staff/me/password").empty());
    CHECK_FALSE(a.error_of("current_password").empty());
    CHECK_FALSE(a.error_of("repeated_password").empty());

    // The current password is wrong: said on its field.
    a.current_password = "not the current one";
    a.repeated_password = a.new_password;
    c.problem("POST", "/staff/me/password", 403, "password_incorrect", "The current password is wrong.");
    a.change_password();
    c.settle();
    CHECK_FALSE(a.error_of("current_password").empty());
    REQUIRE(a.notice());
    CHECK(a.notice()->kind == Notice::Kind::Error);

    // The server refuses the new one (its rule, or its list): its field error is shown.
    a.current_password = password;
    c.answer("POST", "/staff/me/password", 400,
             {{"type", "about:blank"},
              {"title", "validation_failed"},
              {"status", 400},
              {"code", "validation_failed"},
              {"detail", "The request has invalid fields; see errors."},
              {"request_id", "5f0c2b9e8d7a6f43"},
              {"errors", {{{"field", "new_password"}, {"code", "common"}, {"message", "Too common."}}}}});
    a.change_password();
    c.settle();
    CHECK(a.error_of("new_password") == "Too common.");

    c.answer("POST", "/staff/me/password", 204, nullptr);
    a.change_password();
    c.settle();
    const auto sent = c.http.sent_to("POST", "/staff/me/password");
    REQUIRE(sent.size() == 3);
    CHECK(nlohmann::json::parse(sent[2].body) ==
          nlohmann::json{{"current_password", password}, {"new_password", "a long and new pass phrase"}});
    CHECK(header(sent[2], "X-CSRF-Token") == "csrf-test-token");
    CHECK(a.current_password.empty());
    CHECK(a.new_password.empty());
    CHECK(a.repeated_password.empty());
    CHECK(a.errors().empty());
    REQUIRE(a.notice());
    CHECK(a.notice()->kind == Notice::Kind::Success);
    CHECK(c.state()["phase"] == "signed_in");
}

TEST_CASE("an account whose role requires a second factor signs in to my account") {
    ConsoleFixture c;
    nlohmann::json me = ConsoleFixture::me_answer("ops");
    me["second_factor_enrolment_required"] = true;
    c.answer("GET", "/me", 200, me);
    c.app().start();
    c.settle();
    CHECK(c.state()["place"]["section"] == "account");
    CHECK(c.http.sent_to("GET", "/staff/today").empty()); // it would be refused
    CHECK(c.state()["second_factor_enrolment_required"] == true);

    reach_the_qr_code(c);
    Account& a = my_account(c);
    a.code = "654321";
    c.answer("POST", "/staff/me/totp/confirm", 200, ten_codes());
    a.confirm();
    c.settle();
    CHECK(c.state()["second_factor_enrolment_required"] == false);
}

} // namespace account_journeys
} // namespace isp::console::test
