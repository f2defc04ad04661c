// The "code" of every problem document (RFC 9457) the public landing API answers with:
// the server throws them and the portal matches them, from this one list, so neither
// side can spell one the other never sends. Staff-only codes stay with their services.
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
inline constexpr char contract_not_owned[] = "contract_not_owned";         // 403, unknown contracts too
inline constexpr char document_token_missing[] = "document_token_missing"; // 401
inline constexpr char document_link_invalid[] = "document_link_invalid";   // 404
inline constexpr char document_link_expired[] = "document_link_expired";   // 410: ask for a fresh link

// Idempotent writes (submit/new, submit/plan-change)
inline constexpr char idempotency_key_missing[] = "idempotency_key_missing"; // 400
inline constexpr char idempotency_key_invalid[] = "idempotency_key_invalid"; // 400
inline constexpr char idempotency_key_reused[] = "idempotency_key_reused";   // 422: same key, other body

} // namespace isp::wire::problem
