// A new subscription from the landing page (process map P8): creates the client, the
// active contract with its subscriber, the audit entry and document version 1, all in
// the caller's transaction (the contract through services/contract_opening.h, as staff
// provisioning does).
#pragma once
#include <optional>
#include <string>

#include "shared/domain/client.h"
#include "shared/domain/contract.h"
#include "shared/domain/offer.h"
#include "shared/signup/signup_form.h"
#include "shared/wire/new_contract_json.h"

namespace isp {
class Clock;
namespace store {
class Connection;
}
namespace services {
class ContractDocuments;
}
} // namespace isp

namespace isp::services {

struct NewSubscription {
    Client client;
    Offer offer;
    Contract contract;
};

// Throws services::Failure: 409 verification_required when the CIN belongs to an existing
// client (their details are never changed from here), 409 service_identifier_in_use.
NewSubscription subscribe_new_client(store::Connection& c, const ValidSignup& signup, const Offer& offer,
                                     const Clock& clock, const ContractDocuments& documents);

// A new line for a client who proved who they are: the contract opens on their client
// record as it is (identity and contact details are not changed from the landing page).
// `signup`'s identity fields are ignored. Throws 409 service_identifier_in_use.
NewSubscription subscribe_known_client(store::Connection& c, const Client& client, const ValidSignup& signup,
                                       const Offer& offer, const Clock& clock, const ContractDocuments& documents);

struct ServiceContext;

// POST /landing/submit/new, in the caller's transaction (the idempotency guard's): checks
// the form with check_signup, the portal's own rules (400 validation_failed with field
// errors, the message in the form's language), subscribes, deletes the draft it came
// from (`draft_id` may be empty), and answers with the contract and its document link.
// `known_client_id` is the client a lookup token proved (empty: a new client); only the
// subscription's fields are then checked and used (shared Applicant::KnownClient).
wire::NewContract submit_signup(store::Connection& c, ServiceContext& ctx, const SignupForm& form,
                                const std::string& draft_id, const std::string& known_client_id = {});

// "CTR-2026-000042": per-year, gapless (taken in the same transaction).
std::string next_contract_number(store::Connection& c, int year);

} // namespace isp::services
