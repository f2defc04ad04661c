#include "console/app/account.h"

#include <algorithm>

#include "console/i18n/console_text.h"
#include "shared/staff/password_policy.h"
#include "shared/wire/problem_codes.h"
#include "shared/wire/staff_session_json.h"

namespace isp::console {

// Named, not anonymous: unity builds put this file beside others with words of their own.
namespace account_words {

using T = webapp::Translation;

constexpr T changing_password{"Changement du mot de passe", "Changing the password"};
constexpr T password_changed{"Mot de passe modifi\u00e9. Vos autres sessions ont \u00e9t\u00e9 ferm\u00e9es.",
                             "Password changed. Your other sessions were signed out."};
constexpr T type_current{"Saisissez votre mot de passe actuel.", "Type your current password."};
constexpr T type_password{"Saisissez votre mot de passe.", "Type your password."};
constexpr T wrong_password{"Ce n\u2019est pas votre mot de passe.", "This is not your password."};
constexpr T same_password{"Le nouveau mot de passe est l\u2019ancien.", "The new password is the current one."};
constexpr T setting_up{"Activation de la connexion en deux \u00e9tapes", "Setting up two-step sign-in"};
constexpr T checking_code{"V\u00e9rification du code", "Checking the code"};
constexpr T six_digits{"Saisissez les 6 chiffres affich\u00e9s par l\u2019application.",
                       "Type the 6 digits your app shows."};
constexpr T code_refused{
    "Ce code n\u2019est pas le bon : v\u00e9rifiez l\u2019heure du t\u00e9l\u00e9phone et saisissez le "
    "code affich\u00e9 maintenant.",
    "This code is not the right one: check the phone\u2019s clock and type the code it shows now."};
constexpr T turned_on{"Connexion en deux \u00e9tapes activ\u00e9e.", "Two-step sign-in is on."};
constexpr T codes_lost{"La connexion en deux \u00e9tapes est activ\u00e9e, mais les codes de secours ne sont pas "
                       "arriv\u00e9s : demandez-en de nouveaux (\u00ab Nouveaux codes de secours \u00bb).",
                       "Two-step sign-in is on, but the recovery codes did not arrive: ask for new ones (\u201cNew "
                       "recovery codes\u201d)."};
constexpr T codes_replaced{"Nouveaux codes de secours cr\u00e9\u00e9s ; les anciens ne fonctionnent plus.",
                           "New recovery codes made; the old ones no longer work."};
constexpr T making_codes{"Cr\u00e9ation des codes de secours", "Making the recovery codes"};
constexpr T turning_off{"D\u00e9sactivation de la connexion en deux \u00e9tapes", "Turning off two-step sign-in"};
constexpr T turned_off{"Connexion en deux \u00e9tapes d\u00e9sactiv\u00e9e.", "Two-step sign-in is off."};

std::string in(const T& words, Language language) {
    return std::string{tr(words, language)};
}

// Overwrites a secret before its memory goes back to the heap (the wasm heap is one array).
void wipe(std::string& secret) {
    std::fill(secret.begin(), secret.end(), '\0');
    secret.clear();
}

// The server answered (done or refused): the next press is a new write. A network failure or
// a 5xx keeps the key, so "Try again" cannot do it twice.
void finish_unless_retryable(WriteAttempt& attempt, const ApiError& error) {
    if (!error.network() && error.status < 500)
        attempt.finished();
}

} // namespace account_words

void Account::open(const Place& place) {
    (void)place;
    leave(); // a fresh screen: nothing typed, no dialog
}

void Account::leave() {
    forget_enrolment();
    forget_recovery_codes();
    clear_passwords();
    wipe_code();
    stage_ = Stage::Idle;
    errors_.clear();
}

void Account::clear_passwords() {
    account_words::wipe(current_password);
    account_words::wipe(new_password);
    account_words::wipe(repeated_password);
    account_words::wipe(password);
}

void Account::wipe_code() {
    account_words::wipe(code);
}

void Account::forget_enrolment() {
    if (enrolment_) {
        account_words::wipe(enrolment_->secret);
        account_words::wipe(enrolment_->otpauth_uri);
        for (std::string& row : enrolment_->qr_code.rows)
            account_words::wipe(row);
    }
    enrolment_.reset();
}

void Account::forget_recovery_codes() {
    for (std::string& c : recovery_codes_)
        account_words::wipe(c);
    recovery_codes_.clear();
}

std::string Account::error_of(std::string_view field) const {
    for (const FieldError& e : errors_)
        if (e.field == field)
            return e.message;
    return {};
}

// --- the password ------------------------------------------------------------------------

std::string Account::new_password_problem() const {
    if (new_password.empty())
        return {};
    const FieldErrors problems = check_new_password(new_password, lang(), "new_password");
    return problems.empty() ? std::string{} : problems.front().message;
}

void Account::change_password() {
    if (!busy_.empty())
        return;
    errors_.clear();
    if (current_password.empty())
        errors_.push_back({"current_password", "required", account_words::in(account_words::type_current, lang())});
    for (FieldError& e : check_new_password(new_password, lang(), "new_password")) // the server's own rule
        errors_.push_back(std::move(e));
    if (error_of("new_password").empty() && new_password == current_password)
        errors_.push_back({"new_password", "same", account_words::in(account_words::same_password, lang())});
    if (error_of("new_password").empty() && new_password != repeated_password)
        errors_.push_back({"repeated_password", "different", std::string{text(Text::PasswordsDiffer, lang())}});
    if (!errors_.empty())
        return;
    const nlohmann::json body = {{"current_password", current_password}, {"new_password", new_password}};
    const std::string key = password_attempt_.key_for(body);
    busy_ = "saving";
    notice_.reset();
    ctx_.api.write<Done>("POST", "/staff/me/password", body, key, read_nothing, [this](ApiResult<Done> result) {
        busy_ = {};
        if (!result.value) {
            account_words::finish_unless_retryable(password_attempt_, result.error);
            errors_ = result.error.errors;
            if (result.error.code == wire::problem::password_incorrect)
                errors_.push_back(
                    {"current_password", result.error.code, account_words::in(account_words::wrong_password, lang())});
            return show(failure(result.error, account_words::in(account_words::changing_password, lang()), lang(),
                                [this] { change_password(); }));
        }
        password_attempt_.finished();
        clear_passwords();
        show(success(account_words::in(account_words::password_changed, lang())));
    });
}

// --- two-step sign-in --------------------------------------------------------------------

void Account::ask_password_for(Stage stage) {
    account_words::wipe(password);
    errors_.clear();
    notice_.reset();
    stage_ = stage;
}

std::optional<nlohmann::json> Account::password_body() {
    errors_.clear();
    if (password.empty()) {
        errors_.push_back({"password", "required", account_words::in(account_words::type_password, lang())});
        return std::nullopt;
    }
    return nlohmann::json{{"password", password}};
}

void Account::start_set_up() {
    if (second_factor() || !busy_.empty())
        return;
    ask_password_for(Stage::SetUpPassword);
}

void Account::begin_enrolment() {
    if (stage_ != Stage::SetUpPassword || !busy_.empty())
        return;
    const auto body = password_body();
    if (!body)
        return;
    const std::string key = enrol_attempt_.key_for({{"path", "/staff/me/totp"}, {"body", *body}});
    busy_ = "saving";
    notice_.reset();
    ctx_.api.write<TotpEnrolment>(
        "POST", "/staff/me/totp", *body, key, wire::totp_enrolment_from_json, [this](ApiResult<TotpEnrolment> result) {
            busy_ = {};
            if (stage_ != Stage::SetUpPassword) { // closed meanwhile: the secret is not shown
                enrol_attempt_.finished();
                if (result.value)
                    account_words::wipe(result.value->secret);
                return;
            }
            if (!result.value) {
                account_words::finish_unless_retryable(enrol_attempt_, result.error);
                if (result.error.code == wire::problem::password_incorrect)
                    errors_.push_back(
                        {"password", result.error.code, account_words::in(account_words::wrong_password, lang())});
                if (result.error.code == wire::problem::totp_already_enrolled) {
                    set_second_factor(true); // enrolled from elsewhere meanwhile
                    stage_ = Stage::Idle;
                }
                return show(failure(result.error, account_words::in(account_words::setting_up, lang()), lang(),
                                    [this] { begin_enrolment(); }));
            }
            enrol_attempt_.finished();
            account_words::wipe(password);
            enrolment_ = std::move(*result.value);
            account_words::wipe(code);
            stage_ = Stage::Scan;
        });
}

bool Account::code_has_six_digits() {
    const bool six_digits =
        code.size() == 6 && std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!six_digits)
        errors_.push_back({"totp_code", "format", account_words::in(account_words::six_digits, lang())});
    return six_digits;
}

void Account::confirm() {
    if (stage_ != Stage::Scan || !busy_.empty())
        return;
    errors_.clear();
    if (!code_has_six_digits())
        return;
    const nlohmann::json body = {{"code", code}};
    const std::string key = confirm_attempt_.key_for({{"path", "/staff/me/totp/confirm"}, {"body", body}});
    busy_ = "saving";
    notice_.reset();
    ctx_.api.write<std::vector<std::string>>(
        "POST", "/staff/me/totp/confirm", body, key, wire::recovery_codes_from_json,
        [this](ApiResult<std::vector<std::string>> result) {
            busy_ = {};
            if (!result.value) {
                account_words::finish_unless_retryable(confirm_attempt_, result.error);
                if (result.error.code == wire::problem::second_factor_invalid) {
                    // Another code: the next one the app shows.
                    account_words::wipe(code);
                    errors_.push_back(
                        {"totp_code", result.error.code, account_words::in(account_words::code_refused, lang())});
                    return;
                }
                if (result.error.code == wire::problem::totp_already_enrolled) {
                    // An earlier try went through but its answer was lost: the codes with it.
                    forget_enrolment();
                    wipe_code();
                    stage_ = Stage::Idle;
                    set_second_factor(true);
                    return show(Notice{account_words::in(account_words::codes_lost, lang()), Notice::Kind::Error, {}});
                }
                return show(failure(result.error, account_words::in(account_words::checking_code, lang()), lang(),
                                    [this] { confirm(); }));
            }
            confirm_attempt_.finished();
            enrolled(std::move(*result.value));
        });
}

void Account::enrolled(std::vector<std::string> codes) {
    codes_replaced_ = false;
    forget_enrolment();
    wipe_code();
    set_second_factor(true);
    recovery_codes_ = std::move(codes);
    stage_ = Stage::RecoveryCodes;
}

void Account::set_second_factor(bool on) {
    if (ctx_.account)
        ctx_.account->second_factor = on;
    if (on)
        ctx_.second_factor_enrolment_required = false;
}

void Account::start_turn_off() {
    if (!second_factor() || !busy_.empty())
        return;
    ask_password_for(Stage::TurnOff);
}

void Account::turn_off() {
    if (stage_ != Stage::TurnOff || !busy_.empty())
        return;
    const auto body = password_body();
    if (!body)
        return;
    const std::string key = remove_attempt_.key_for({{"path", "DELETE /staff/me/totp"}, {"body", *body}});
    busy_ = "saving";
    notice_.reset();
    ctx_.api.write<Done>("DELETE", "/staff/me/totp", *body, key, read_nothing, [this](ApiResult<Done> result) {
        busy_ = {};
        if (!result.value) {
            account_words::finish_unless_retryable(remove_attempt_, result.error);
            if (result.error.code == wire::problem::password_incorrect)
                errors_.push_back(
                    {"password", result.error.code, account_words::in(account_words::wrong_password, lang())});
            return show(failure(result.error, account_words::in(account_words::turning_off, lang()), lang(),
                                [this] { turn_off(); }));
        }
        remove_attempt_.finished();
        account_words::wipe(password);
        set_second_factor(false);
        stage_ = Stage::Idle;
        show(success(account_words::in(account_words::turned_off, lang())));
    });
}

void Account::start_new_codes() {
    if (!second_factor() || !busy_.empty())
        return;
    wipe_code();
    ask_password_for(Stage::NewCodes);
}

void Account::replace_codes() {
    if (stage_ != Stage::NewCodes || !busy_.empty())
        return;
    auto body = password_body();
    if (!body)
        return;
    if (!code_has_six_digits())
        return;
    (*body)["code"] = code;
    const std::string key = codes_attempt_.key_for({{"path", "/staff/me/recovery-codes"}, {"body", *body}});
    busy_ = "saving";
    notice_.reset();
    ctx_.api.write<std::vector<std::string>>(
        "POST", "/staff/me/recovery-codes", *body, key, wire::recovery_codes_from_json,
        [this](ApiResult<std::vector<std::string>> result) {
            busy_ = {};
            if (stage_ != Stage::NewCodes) { // closed meanwhile: the codes are not shown
                codes_attempt_.finished();
                if (result.value)
                    for (std::string& c : *result.value)
                        account_words::wipe(c);
                return;
            }
            if (!result.value) {
                account_words::finish_unless_retryable(codes_attempt_, result.error);
                if (result.error.code == wire::problem::password_incorrect)
                    errors_.push_back(
                        {"password", result.error.code, account_words::in(account_words::wrong_password, lang())});
                if (result.error.code == wire::problem::second_factor_invalid) {
                    wipe_code(); // the next one the app shows
                    errors_.push_back(
                        {"totp_code", result.error.code, account_words::in(account_words::code_refused, lang())});
                    return;
                }
                return show(failure(result.error, account_words::in(account_words::making_codes, lang()), lang(),
                                    [this] { replace_codes(); }));
            }
            codes_attempt_.finished();
            account_words::wipe(password);
            wipe_code();
            recovery_codes_ = std::move(*result.value);
            codes_replaced_ = true;
            stage_ = Stage::RecoveryCodes;
        });
}

void Account::close_dialog() {
    const bool codes_shown = stage_ == Stage::RecoveryCodes;
    forget_enrolment();
    forget_recovery_codes();
    account_words::wipe(password);
    wipe_code();
    errors_.clear();
    stage_ = Stage::Idle;
    if (codes_shown)
        show(success(
            account_words::in(codes_replaced_ ? account_words::codes_replaced : account_words::turned_on, lang())));
    else if (notice_ && notice_->kind == Notice::Kind::Error)
        notice_.reset(); // the dialog's failure went with it
    codes_replaced_ = false;
}

std::string Account::secret_in_groups() const {
    std::string out;
    if (!enrolment_)
        return out;
    for (std::size_t i = 0; i < enrolment_->secret.size(); ++i) {
        if (i > 0 && i % 4 == 0)
            out += ' ';
        out += enrolment_->secret[i];
    }
    return out;
}

std::string Account::recovery_codes_text() const {
    std::string out;
    for (const std::string& c : recovery_codes_)
        out += c + "\n";
    return out;
}

void Account::describe(nlohmann::json& state) const {
    static constexpr const char* stages[] = {"idle",           "set_up_password", "scan",
                                             "recovery_codes", "turn_off",        "new_codes"};
    nlohmann::json errors = nlohmann::json::object();
    for (const FieldError& e : errors_)
        errors[e.field] = e.code;
    // Never the secret, the URI, the passwords nor the codes: only how many there are.
    state["my_account"] = {{"second_factor", second_factor()},
                           {"stage", stages[static_cast<int>(stage_)]},
                           {"qr_size", enrolment_ ? enrolment_->qr_code.size : 0},
                           {"recovery_code_count", recovery_codes_.size()},
                           {"new_password_problem", new_password_problem()},
                           {"errors", std::move(errors)}};
    state["form"] = {{"totp_code", code}};
}

} // namespace isp::console
