// Wire format of staff sign-in (docs/staff-accounts.md): the sign-in body and its answer,
// and the bodies with which a signed-in person sets or changes a password and enrols a
// second factor.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "shared/domain/field_error.h"
#include "shared/staff/staff_requests.h"

namespace isp::wire {

// Each wrong field is added to `errors`.
StaffSignInRequest staff_sign_in_from_json(const nlohmann::json& body, FieldErrors& errors);
nlohmann::json to_json(const StaffSignInRequest& request);

nlohmann::json to_json(const StaffSession& session);
StaffSession staff_session_from_json(const nlohmann::json& j); // throws on bad shape
// GET /me answered for a session (the console's start): its account, CSRF token, absolute end
// ("session_expires_at") and whether it must enrol a second factor first. Throws on bad shape,
// and when the credential is not a session of an account (an API token).
StaffSession staff_me_from_json(const nlohmann::json& j);

PasswordSet password_set_from_json(const nlohmann::json& body, FieldErrors& errors);
PasswordChange password_change_from_json(const nlohmann::json& body, FieldErrors& errors);
// {"password": ...}: what re-authenticates a second-factor change.
std::string password_confirmation_from_json(const nlohmann::json& body, FieldErrors& errors);
// {"code": ...}: the first code of a new authenticator.
std::string totp_code_from_json(const nlohmann::json& body, FieldErrors& errors);
// {"password": ..., "code": ...} of POST /staff/me/recovery-codes.
RecoveryCodesRequest recovery_codes_request_from_json(const nlohmann::json& body, FieldErrors& errors);

// POST /staff/me/totp's answer: {"secret", "otpauth_uri", "qr_code": {"size": 33, "rows":
// ["1111111010...", ...]}}, the QR code as `size` strings of `size` '0'/'1' (QrCode).
nlohmann::json to_json(const TotpEnrolment& enrolment);
nlohmann::json to_json(const QrCode& qr);
// Throw on a bad shape, and on a QR code whose rows are not `size` strings of `size` '0'/'1'.
TotpEnrolment totp_enrolment_from_json(const nlohmann::json& j);
QrCode qr_code_from_json(const nlohmann::json& j);

nlohmann::json recovery_codes_json(const std::vector<std::string>& codes);
std::vector<std::string> recovery_codes_from_json(const nlohmann::json& j); // throws on bad shape

} // namespace isp::wire
