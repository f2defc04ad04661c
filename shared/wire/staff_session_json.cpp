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

RecoveryCodesRequest recovery_codes_request_from_json(const nlohmann::json& body, FieldErrors& errors) {
    RecoveryCodesRequest request;
    JsonReader r(body, errors, staff_language);
    r.string("password", request.password, true);
    r.string("code", request.code, true);
    return request;
}

nlohmann::json to_json(const TotpEnrolment& e) {
    return {{"secret", e.secret}, {"otpauth_uri", e.otpauth_uri}, {"qr_code", to_json(e.qr_code)}};
}

nlohmann::json to_json(const QrCode& qr) {
    return {{"size", qr.size}, {"rows", qr.rows}};
}

TotpEnrolment totp_enrolment_from_json(const nlohmann::json& j) {
    return {j.at("secret").get<std::string>(), j.at("otpauth_uri").get<std::string>(),
            qr_code_from_json(j.at("qr_code"))};
}

QrCode qr_code_from_json(const nlohmann::json& j) {
    QrCode qr;
    qr.size = integer_value<int>(j.at("size"));
    qr.rows = j.at("rows").get<std::vector<std::string>>();
    // The drawer indexes rows[row][column] without checking: a short row is refused here.
    // 21..177 modules: QR versions 1..40.
    const bool square = qr.size >= 21 && qr.size <= 177 && qr.rows.size() == static_cast<std::size_t>(qr.size);
    if (!square)
        throw nlohmann::json::other_error::create(501, "qr_code: not size rows", &j);
    for (const std::string& row : qr.rows)
        if (row.size() != static_cast<std::size_t>(qr.size) || row.find_first_not_of("01") != std::string::npos)
            throw nlohmann::json::other_error::create(501, "qr_code: a row is not size '0'/'1'", &j);
    return qr;
}

nlohmann::json recovery_codes_json(const std::vector<std::string>& codes) {
    return {{"recovery_codes", codes}};
}

std::vector<std::string> recovery_codes_from_json(const nlohmann::json& j) {
    return j.at("recovery_codes").get<std::vector<std::string>>();
}

} // namespace isp::wire
