// Opening a contract, whoever asks (landing signup, staff provisioning, staff manual
// creation): the contract row with a number from the yearly contract sequence, its first
// offer and status periods (what billing prorates on), the "created" audit entry and
// document version 1, all in the caller's transaction. Callers check the subscriber is
// free first, each with its own answer.
#pragma once
#include <string>
#include <string_view>

#include "shared/domain/client.h"
#include "shared/domain/contract.h"
#include "shared/domain/offer.h"

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

struct ContractTerms {
    std::string service_identifier; // stored form
    Date contract_start_date;
    int commitment_months = 0;
    ContractStatus status = ContractStatus::Active;
};

// `actor` goes to the audit trail: "landing", or the staff member (StaffIdentity::actor).
Contract open_contract(store::Connection& c, const Client& client, const Offer& offer, const ContractTerms& terms,
                       std::string_view actor, const Clock& clock, const ContractDocuments& documents);

} // namespace isp::services
