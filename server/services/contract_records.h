// Contracts as staff read them (process map P4-P6): the list, one contract with its offer
// and its offer and status histories (also the answer of every staff write), its audit
// trail, and the staff plan change answered with the contract as it is afterwards.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "server/services/page.h"
#include "server/services/plan_change_service.h"
#include "shared/domain/contract.h"
#include "shared/domain/contract_detail.h"
#include "shared/domain/contract_filter.h"
#include "shared/domain/contract_history.h"
#include "shared/domain/list_sort.h"
#include "shared/domain/offer.h"

namespace isp::store {
class Connection;
}

namespace isp::services {
struct ServiceContext;

// A contract as lists show it: with its offer (none when the offer is gone).
struct ContractListing {
    Contract contract;
    std::optional<Offer> offer;
};

// In `sort`'s order (default_contract_sort: oldest first, by created_at then number).
Page<ContractListing> list_contracts(ServiceContext& context, const ContractFilter& filter, const ContractSort& sort,
                                     std::int64_t limit, std::int64_t offset);
ContractDetail get_contract(ServiceContext& context, const std::string& contract_id); // 404 contract_not_found
// The detail of a contract a write has just answered; the second inside that write's transaction.
ContractDetail contract_detail(ServiceContext& context, const Contract& contract);
ContractDetail contract_detail(store::Connection& c, const Contract& contract);
// In the order the changes were made (landing, demo and staff alike). 404 contract_not_found.
Page<AuditRecord> contract_audit(ServiceContext& context, const std::string& contract_id, std::int64_t limit,
                                 std::int64_t offset);

struct StaffPlanChange {
    ContractDetail detail; // after the change
    PlanChange change;
};
// change_plan_as_staff() and the contract's detail, in one write transaction.
StaffPlanChange change_plan_for_staff(ServiceContext& context, const std::string& contract_id,
                                      const std::string& offer_id, const std::string& effective_date,
                                      const std::string& actor);

} // namespace isp::services
