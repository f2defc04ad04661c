// Contracts, their offer periods, their document versions (snapshots) and their audit
// trail in the database.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "shared/domain/contract.h"
#include "shared/domain/contract_filter.h"
#include "shared/domain/contract_history.h"
#include "shared/domain/list_sort.h"
#include "shared/domain/offer.h"

namespace isp::store {

class Connection;

void insert_contract(Connection& c, const Contract& contract);
std::optional<Contract> find_contract(Connection& c, std::string_view contract_id);
// True when a contract that is not terminated already serves this subscriber.
bool subscriber_has_live_contract(Connection& c, std::string_view service_identifier);
// The client's contracts that are not terminated, oldest first.
std::vector<Contract> list_live_contracts_of_client(Connection& c, std::string_view client_id);
// Writes the fields a plan change moves: offer, start date, document version.
void update_contract_offer(Connection& c, const Contract& contract, const std::string& now);

// Which offer a contract is on from which day, so billing can prorate a change. A new
// period supersedes the ones that would have started on or after its own start.
void record_offer_period(Connection& c, std::string_view contract_id, std::string_view offer_id,
                         const Date& effective_from, const std::string& now);
std::vector<OfferPeriod> list_offer_periods(Connection& c, std::string_view contract_id); // by date

// Which status a contract has from which day (billing bills only 'active' days). Same
// superseding rule as offer periods.
void record_status_period(Connection& c, std::string_view contract_id, ContractStatus status,
                          const Date& effective_from, const std::string& now);
std::vector<StatusPeriod> list_status_periods(Connection& c, std::string_view contract_id); // by date

struct ContractDocumentRecord {
    std::string contract_id;
    int version = 1;
    std::string snapshot;    // JSON: {"client":..., "offer":..., "contract":...} as they were
    std::string produced_on; // ISO date printed on the document
};
void insert_contract_document(Connection& c, const ContractDocumentRecord& record, const std::string& now);
std::optional<ContractDocumentRecord> find_contract_document(Connection& c, std::string_view contract_id, int version);

void append_contract_audit(Connection& c, const AuditEntry& entry);

// Staff contract management (process map P4-P6).
void update_contract_status(Connection& c, std::string_view contract_id, ContractStatus status, const std::string& now);

std::int64_t count_contracts(Connection& c, const ContractFilter& filter);
// In `sort`'s order (default_contract_sort: oldest first, by created_at then number), the id last.
std::vector<Contract> list_contracts_page(Connection& c, const ContractFilter& filter, const ContractSort& sort,
                                          std::int64_t limit, std::int64_t offset);

// Contracts whose status is active now, by the family of their current offer (families
// without one are absent).
std::vector<std::pair<ServiceFamily, std::int64_t>> count_active_contracts_by_family(Connection& c);

std::int64_t count_contract_audit(Connection& c, std::string_view contract_id);
// In the order the changes were made.
std::vector<AuditRecord> list_contract_audit_page(Connection& c, std::string_view contract_id, std::int64_t limit,
                                                  std::int64_t offset);

} // namespace isp::store
