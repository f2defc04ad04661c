#include "console/app/sign_in.h"

#include "console/i18n/console_text.h"
#include "shared/staff/password_policy.h"
#include "shared/wire/problem_codes.h"

namespace isp::console {

void SignIn::reset(std::optional<Notice> why) {
    password.clear();
    totp_code.clear();
    new_password.clear();
    repeated_password.clear();
    stage_ = Stage::Credentials;
    busy_ = {};
    errors_.clear();
    notice_ = std::move(why);
}

void SignIn::start_set_password(std::string token) {
    reset();
    token_ = std::move(token);
    stage_ = Stage::SetPassword;
}

std::string SignIn::new_password_problem() const {
    if (new_password.empty())
        return {};
    const FieldErrors problems = check_new_password(new_password, language_, "new_password");
    return problems.empty() ? std::string{} : problems.front().message;
}

void SignIn::submit() {
    if (!busy_.empty())
        return;
    errors_.clear();
    if (email.empty())
        errors_.push_back({"email", "required", std::string{text(Text::Email, language_)}});
    if (password.empty())
        errors_.push_back({"password", "required", std::string{text(Text::Password, language_)}});
    if (!errors_.empty())
        return;
    StaffSignInRequest request{email, password, {}, {}};
    if (stage_ == Stage::SecondFactor) {
        // Six digits are the authenticator's; anything longer is a recovery code.
        if (totp_code.size() <= 6)
            request.totp_code = totp_code;
        else
            request.recovery_code = totp_code;
    }
    busy_ = "signing_in";
    notice_.reset();
    api_.sign_in(request, [this](ApiResult<StaffSession> result) {
        busy_ = {};
        if (!result.value)
            return failed(result.error);
        password.clear();
        totp_code.clear();
        stage_ = Stage::Credentials;
        signed_in_(std::move(*result.value));
    });
}

void SignIn::failed(const ApiError& error) {
    if (error.code == wire::problem::second_factor_required) {
        // The password was right; the account has an authenticator: ask for its code.
        if (stage_ == Stage::SecondFactor)
            notice_ = failure(error, text(Text::SignInFailed, language_), language_);
        stage_ = Stage::SecondFactor;
        return;
    }
    totp_code.clear();
    notice_ = failure(error, text(Text::SignInFailed, language_), language_, [this] { submit(); });
}

void SignIn::submit_new_password() {
    if (!busy_.empty())
        return;
    errors_ = check_new_password(new_password, language_, "new_password");
    if (errors_.empty() && new_password != repeated_password)
        errors_.push_back({"repeated_password", "different", std::string{text(Text::PasswordsDiffer, language_)}});
    if (!errors_.empty())
        return;
    busy_ = "saving";
    notice_.reset();
    api_.set_password(token_, new_password, [this](ApiResult<Done> result) {
        busy_ = {};
        if (!result.value) {
            errors_ = result.error.errors;
            notice_ = failure(result.error, text(Text::SetPasswordHeading, language_), language_,
                              [this] { submit_new_password(); });
            return;
        }
        token_.clear();
        password.clear();
        new_password.clear();
        repeated_password.clear();
        stage_ = Stage::Credentials;
        notice_ = success(std::string{text(Text::PasswordSet, language_)});
    });
}

void SignIn::back_to_credentials() {
    reset();
}

void SignIn::describe(nlohmann::json& state) const {
    static constexpr const char* stages[] = {"credentials", "second_factor", "set_password"};
    state["sign_in"] = {{"stage", stages[static_cast<int>(stage_)]}, {"email", email}};
}

} // namespace isp::console
