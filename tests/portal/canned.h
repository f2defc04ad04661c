// Answers of the real server for the native journey tests, captured from portal-server --demo
// with the end-to-end suite's clock (2026-11-23T10:00:00Z) by responses/capture, one file each
// in responses/. "canned answers are the server's" checks every one against the server's
// OpenAPI description, so they cannot drift from what the server says unnoticed.
#pragma once
#include <array>
#include <string>

#include "fake_http.h"

namespace isp::portal::test {

using webapp::test::fake_http;
using webapp::test::FakeHttp;

struct Canned {
    const char* method = "GET";
    const char* path = ""; // as in the OpenAPI description: "/landing/clients/{cin}/subscriptions"
    int status = 200;
    const char* file = "";       // in tests/portal/responses/
    const char* language = "";   // the Accept-Language it was asked in, when its words depend on it
    int retry_after_seconds = 0; // its Retry-After header
    std::string body() const;    // the file's text
};

// The next request to `answer`'s method and path gets it.
void script(FakeHttp& http, const Canned& answer);

namespace canned {

// Demo data: Amina (CIN AB123456, line 06 12 34 56 78) has contract ctr_demo_amina on Mobile
// Confort; Mobile Illimité is an upgrade of 100,00 MAD a month, Mobile Essentiel a downgrade.
inline constexpr Canned bootstrap{.path = "/landing/bootstrap", .file = "bootstrap.json"};
inline constexpr Canned verified{
    .method = "POST", .path = "/landing/clients/verify-cin", .file = "verify_cin.200.json"};
// Verified again 20 minutes later: another token.
inline constexpr Canned verified_again{
    .method = "POST", .path = "/landing/clients/verify-cin", .file = "verify_cin.200.again.json"};
inline constexpr Canned verification_failed_fr{.method = "POST",
                                               .path = "/landing/clients/verify-cin",
                                               .status = 401,
                                               .file = "verify_cin.401.verification_failed.fr.json",
                                               .language = "fr"};
inline constexpr Canned verification_failed_en{.method = "POST",
                                               .path = "/landing/clients/verify-cin",
                                               .status = 401,
                                               .file = "verify_cin.401.verification_failed.en.json",
                                               .language = "en"};
inline constexpr Canned too_many_attempts{.method = "POST",
                                          .path = "/landing/clients/verify-cin",
                                          .status = 429,
                                          .file = "verify_cin.429.too_many_attempts.json",
                                          .retry_after_seconds = 900};
inline constexpr Canned subscriptions{.path = "/landing/clients/{cin}/subscriptions", .file = "subscriptions.200.json"};
// After the change to Mobile Illimité from 2026-12-15: document version 2.
inline constexpr Canned subscriptions_after_change{.path = "/landing/clients/{cin}/subscriptions",
                                                   .file = "subscriptions.200.after_change.json"};
// Amina cancels from 2026-12-15 (issue #15): 8 months left of her commitment, 792,00 MAD.
inline constexpr Canned cancellation{.method = "POST",
                                     .path = "/landing/contracts/{contract_id}/cancellation",
                                     .status = 202,
                                     .file = "cancellation.202.json"};
inline constexpr Canned subscriptions_after_cancellation{.path = "/landing/clients/{cin}/subscriptions",
                                                         .file = "subscriptions.200.after_cancellation.json"};
inline constexpr Canned scheduled_change_cancelled{.method = "DELETE",
                                                   .path =
                                                       "/landing/contracts/{contract_id}/scheduled-changes/{change_id}",
                                                   .file = "scheduled_change_cancelled.200.json"};
inline constexpr Canned lookup_token_invalid{.path = "/landing/clients/{cin}/subscriptions",
                                             .status = 401,
                                             .file = "subscriptions.401.lookup_token_invalid.json"};
inline constexpr Canned invoices{.path = "/landing/clients/{cin}/invoices", .file = "invoices.200.json"};
inline constexpr Canned document_link{
    .method = "POST", .path = "/landing/contracts/{contract_id}/document-link", .file = "document_link.200.json"};
inline constexpr Canned document_link_token_expired{.method = "POST",
                                                    .path = "/landing/contracts/{contract_id}/document-link",
                                                    .status = 401,
                                                    .file = "document_link.401.lookup_token_expired.json"};
// To Mobile Illimité from 2026-12-15.
inline constexpr Canned plan_changed{
    .method = "POST", .path = "/landing/submit/plan-change", .file = "plan_change.200.json"};
inline constexpr Canned start_date_in_past_fr{.method = "POST",
                                              .path = "/landing/submit/plan-change",
                                              .status = 400,
                                              .file = "plan_change.400.start_date_in_past.fr.json",
                                              .language = "fr"};
inline constexpr Canned start_date_in_past_en{.method = "POST",
                                              .path = "/landing/submit/plan-change",
                                              .status = 400,
                                              .file = "plan_change.400.start_date_in_past.en.json",
                                              .language = "en"};
inline constexpr Canned same_offer_fr{.method = "POST",
                                      .path = "/landing/submit/plan-change",
                                      .status = 409,
                                      .file = "plan_change.409.same_offer.fr.json",
                                      .language = "fr"};
inline constexpr Canned same_offer_en{.method = "POST",
                                      .path = "/landing/submit/plan-change",
                                      .status = 409,
                                      .file = "plan_change.409.same_offer.en.json",
                                      .language = "en"};
inline constexpr Canned lookup_token_expired{.method = "POST",
                                             .path = "/landing/submit/plan-change",
                                             .status = 401,
                                             .file = "plan_change.401.lookup_token_expired.json"};
inline constexpr Canned draft_saved{
    .method = "POST", .path = "/landing/drafts", .status = 201, .file = "drafts.201.json"};
inline constexpr Canned draft_not_found{
    .path = "/landing/drafts/{draft_id}", .status = 404, .file = "draft.404.draft_not_found.json"};
// Karim Alaoui (CIN XY987654, line 06 61 23 45 67) on Mobile Essentiel from 2026-11-30.
inline constexpr Canned subscribed{
    .method = "POST", .path = "/landing/submit/new", .status = 201, .file = "submit_new.201.json"};
inline constexpr Canned line_in_use_fr{.method = "POST",
                                       .path = "/landing/submit/new",
                                       .status = 409,
                                       .file = "submit_new.409.service_identifier_in_use.fr.json",
                                       .language = "fr"};
inline constexpr Canned line_in_use_en{.method = "POST",
                                       .path = "/landing/submit/new",
                                       .status = 409,
                                       .file = "submit_new.409.service_identifier_in_use.en.json",
                                       .language = "en"};
// A new signup with Amina's CIN (line 06 70 00 11 22): she must verify first.
inline constexpr Canned cin_is_a_client_fr{.method = "POST",
                                           .path = "/landing/submit/new",
                                           .status = 409,
                                           .file = "submit_new.409.verification_required.fr.json",
                                           .language = "fr"};
// Amina, verified, adds the line 06 70 00 11 22 on Mobile Essentiel from 2026-11-30.
inline constexpr Canned line_added{
    .method = "POST", .path = "/landing/submit/new", .status = 201, .file = "submit_new.201.added_line.json"};

inline constexpr std::array all{&bootstrap,
                                &verified,
                                &verified_again,
                                &verification_failed_fr,
                                &verification_failed_en,
                                &too_many_attempts,
                                &subscriptions,
                                &subscriptions_after_change,
                                &cancellation,
                                &subscriptions_after_cancellation,
                                &scheduled_change_cancelled,
                                &lookup_token_invalid,
                                &invoices,
                                &document_link,
                                &document_link_token_expired,
                                &plan_changed,
                                &start_date_in_past_fr,
                                &start_date_in_past_en,
                                &same_offer_fr,
                                &same_offer_en,
                                &lookup_token_expired,
                                &draft_saved,
                                &draft_not_found,
                                &subscribed,
                                &line_in_use_fr,
                                &line_in_use_en,
                                &cin_is_a_client_fr,
                                &line_added};

} // namespace canned
} // namespace isp::portal::test
