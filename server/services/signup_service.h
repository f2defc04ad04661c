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

// "CTR-2026-000042": per-year, gapless (taken in the same transaction).
std::string next_contract_number(store::Connection& c, int year);

} // namespace isp::services
