// The "code" of every problem document (RFC 9457) the browser apps match: the landing
// API's and staff sign-in's. The server throws them and the apps match them, from this one
// list, so neither side can spell one the other never sends. Other staff codes stay with
// their services.
#pragma once

namespace isp::wire::problem {

// Any request
inline constexpr char validation_failed[] = "validation_failed"; // 400, with field errors
inline constexpr char malformed_json[] = "malformed_json";       // 400
inline constexpr char invalid_body[] = "invalid_body";           // 400
inline constexpr char too_many_attempts[] = "too_many_attempts"; // 429, Retry-After
inline constexpr char store_unavailable[] = "store_unavailable"; // 503, retry later

// Proving who an existing client is (verify-cin, lookup tokens)
inline constexpr char verification_failed[] = "verification_failed";     // 401, the same for every wrong proof
inline constexpr char lookup_token_invalid[] = "lookup_token_invalid";   // 401
inline constexpr char lookup_token_expired[] = "lookup_token_expired";   // 401: verify again
inline constexpr char lookup_token_mismatch[] = "lookup_token_mismatch"; // 403: another CIN than the token's

// Signups and drafts
inline constexpr char verification_required[] = "verification_required";         // 409: the CIN is a client's
inline constexpr char service_identifier_in_use[] = "service_identifier_in_use"; // 409
inline constexpr char draft_not_found[] = "draft_not_found";                     // 404
inline constexpr char draft_expired[] = "draft_expired";                         // 410

// Contracts, plan changes and documents
inline constexpr char contract_not_owned[] = "contract_not_owned"; // 403, unknown contracts too
// Scheduled changes and cancellations (issue #15).
inline constexpr char scheduled_change_pending[] = "scheduled_change_pending"; // 409, a change waits: cancel it first
inline constexpr char termination_scheduled[] = "termination_scheduled";       // 409, nothing after a termination
inline constexpr char scheduled_change_not_found[] = "scheduled_change_not_found";             // 404
inline constexpr char scheduled_change_not_cancellable[] = "scheduled_change_not_cancellable"; // 403, staff's to cancel
inline constexpr char already_terminated[] = "already_terminated";                             // 409
inline constexpr char document_token_missing[] = "document_token_missing";                     // 401
inline constexpr char document_link_invalid[] = "document_link_invalid";                       // 404
inline constexpr char document_link_expired[] = "document_link_expired"; // 410: ask for a fresh link

// Idempotent writes (submit/new, submit/plan-change)
inline constexpr char idempotency_key_missing[] = "idempotency_key_missing"; // 400
inline constexpr char idempotency_key_invalid[] = "idempotency_key_invalid"; // 400
inline constexpr char idempotency_key_reused[] = "idempotency_key_reused";   // 422: same key, other body

// Staff sign-in, sessions and accounts (docs/staff-accounts.md)
inline constexpr char authentication_required[] = "authentication_required"; // 401: sign in
inline constexpr char forbidden_role[] = "forbidden_role";                   // 403: the role does not allow it
inline constexpr char sign_in_failed[] = "sign_in_failed"; // 401, the same for every wrong e-mail or password
inline constexpr char second_factor_required[] = "second_factor_required"; // 401: send totp_code or recovery_code
inline constexpr char second_factor_invalid[] = "second_factor_invalid";   // 401
inline constexpr char second_factor_enrolment_required[] = "second_factor_enrolment_required"; // 403
inline constexpr char second_factor_mandatory[] = "second_factor_mandatory";       // 409: a role requires one
inline constexpr char totp_already_enrolled[] = "totp_already_enrolled";           // 409
inline constexpr char totp_enrolment_not_started[] = "totp_enrolment_not_started"; // 409
inline constexpr char totp_not_enrolled[] = "totp_not_enrolled";                   // 409: no second factor yet
inline constexpr char password_incorrect[] = "password_incorrect";                 // 403: re-authentication failed
inline constexpr char csrf_check_failed[] = "csrf_check_failed";                   // 403
inline constexpr char email_taken[] = "email_taken";                               // 409
inline constexpr char password_link_invalid[] = "password_link_invalid";           // 400: unknown or used
inline constexpr char password_link_expired[] = "password_link_expired";           // 410: ask an admin for a new one

} // namespace isp::wire::problem
