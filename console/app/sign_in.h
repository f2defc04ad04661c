// Signing in (e-mail, password, then the authenticator's code when the account has one) and
// setting a password from an invitation or reset link (/staff/#set-password=<token>, the
// token in the fragment so it never reaches a server log). The password rule of
// shared/staff is checked as the person types, the same rule the server applies.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "console/api/staff_api.h"
#include "console/app/notice.h"
#include "shared/domain/field_error.h"

namespace isp::console {

class SignIn {
public:
    enum class Stage { Credentials, SecondFactor, SetPassword };

    SignIn(StaffApi& api, std::function<void(StaffSession)> signed_in) : api_(api), signed_in_(std::move(signed_in)) {}

    void set_language(Language language) { language_ = language; }
    // The sign-in form, empty but for the e-mail; `why` (the session ended) shown above it.
    void reset(std::optional<Notice> why = {});
    // The password form for a link's token.
    void start_set_password(std::string token);

    // --- typed by the person -------------------------------------------------------------
    std::string email, password, totp_code;
    std::string new_password, repeated_password;
    // The password rule's verdict on new_password, checked as typed ("" when fine or empty).
    std::string new_password_problem() const;

    // --- commands ------------------------------------------------------------------------
    void submit();              // sign in (with the code at the second-factor stage)
    void submit_new_password(); // set the password from the link, then sign in
    void back_to_credentials(); // another account: forget the code stage

    Stage stage() const { return stage_; }
    std::string_view busy() const { return busy_; }
    const std::optional<Notice>& notice() const { return notice_; }
    const FieldErrors& errors() const { return errors_; }
    void describe(nlohmann::json& state) const;

private:
    void failed(const ApiError& error);

    StaffApi& api_;
    std::function<void(StaffSession)> signed_in_;
    Language language_ = Language::French;
    Stage stage_ = Stage::Credentials;
    std::string token_; // the password link's
    std::string_view busy_;
    std::optional<Notice> notice_;
    FieldErrors errors_;
};

} // namespace isp::console
