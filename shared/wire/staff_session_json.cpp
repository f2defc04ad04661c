#include "shared/wire/staff_session_json.h"

#include "shared/wire/json_reader.h"
#include "shared/wire/staff_account_json.h"

namespace isp::wire {
namespace {

std::optional<std::string> optional_string(JsonReader& r, std::string_view key) {
    std::string text;
    if (r.string(key, text) && !text.empty())
        return text;
    return std::nullopt;
}

} // namespace

StaffSignInRequest staff_sign_in_from_json(const nlohmann::json& body, FieldErrors& errors) {
    StaffSignInRequest s;
    JsonReader r(body, errors, staff_language);
    r.string("email", s.email, true);
    r.string("password", s.password, true);
    s.totp_code = optional_string(r, "totp_code");
    s.recovery_code = optional_string(r, "recovery_code");
    return s;
}

nlohmann::json to_json(const StaffSignInRequest& s) {
    nlohmann::json j = {{"email", s.email}, {"password", s.password}};
    if (s.totp_code)
        j["totp_code"] = *s.totp_code;
    if (s.recovery_code)
        j["recovery_code"] = *s.recovery_code;
    return j;
}

nlohmann::json to_json(const StaffSession& s) {
    return {{"account", to_json(s.account)},
            {"csrf_token", s.csrf_token},
            {"expires_at", s.expires_at},
            {"idle_timeout_seconds", s.idle_timeout_seconds},
            {"second_factor_enrolment_required", s.second_factor_enrolment_required}};
}

StaffSession staff_session_from_json(const nlohmann::json& j) {
    StaffSession s;
    s.account = staff_account_from_json(j.at("account"));
    s.csrf_token = j.at("csrf_token").get<std::string>();
    s.expires_at = j.at("expires_at").get<std::string>();
    s.idle_timeout_seconds = integer_value<std::int64_t>(j.at("idle_timeout_seconds"));
    s.second_factor_enrolment_required = j.at("second_factor_enrolment_required").get<bool>();
    return s;
}

StaffSession staff_me_from_json(const nlohmann::json& j) {
    StaffSession s;
    s.account = staff_account_from_json(j.at("account"));
    s.csrf_token = j.at("csrf_token").get<std::string>();
    s.expires_at = j.at("session_expires_at").get<std::string>();
    s.second_factor_enrolment_required = j.at("second_factor_enrolment_required").get<bool>();
    return s;
}

PasswordSet password_set_from_json(const nlohmann::json& body, FieldErrors& errors) {
    PasswordSet p;
    JsonReader r(body, errors, staff_language);
    r.string("token", p.token, true);
    r.string("password", p.password, true);
    return p;
}

PasswordChange password_change_from_json(const nlohmann::json& body, FieldErrors& errors) {
    PasswordChange p;
    JsonReader r(body, errors, staff_language);
    r.string("current_password", p.current_password, true);
    r.string("new_password", p.new_password, true);
    return p;
}

std::string password_confirmation_from_json(const nlohmann::json& body, FieldErrors& errors) {
    std::string password;
    JsonReader r(body, errors, staff_language);
    r.string("password", password, true);
    return password;
}

std::string totp_code_from_json(const nlohmann::json& body, FieldErrors& errors) {
    std::string code;
    JsonReader r(body, errors, staff_language);
    r.string("code", code, true);
    return code;
}

nlohmann::json to_json(const TotpEnrolment& e) {
    return {{"secret", e.secret}, {"otpauth_uri", e.otpauth_uri}};
}

nlohmann::json recovery_codes_json(const std::vector<std::string>& codes) {
    return {{"recovery_codes", codes}};
}

} // namespace isp::wire
