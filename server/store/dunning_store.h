// The dunning's records in the database: the cases it may have a step for, the steps it
// carried out or skipped (collection_actions rows with a `dunning_step`, unique per case),
// and the contracts it suspended until their debt is paid (non_payment_suspensions).
#pragma once
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "shared/collections/case_record.h"
#include "shared/domain/date.h"

namespace isp::store {

class Connection;

// A case the dunning may act on: open or in progress (a promise to pay holds it, a closed
// case is over), its invoice still owing something.
struct DunningCase {
    std::string case_id;
    std::string invoice_id;
    std::string invoice_number;
    std::string contract_id;
    std::string client_id;
    Date due_date;
    std::int64_t outstanding_minor = 0;
    std::string currency;
    std::set<std::string> settled_steps; // dunning_step names already carried out or skipped
};

// Cases whose invoice fell due on or before `due_on_or_before`, oldest due first.
std::vector<DunningCase> list_dunning_cases(Connection& c, const Date& due_on_or_before);
// The same for one case; nullopt when it no longer qualifies (paid, closed, promised).
std::optional<DunningCase> find_dunning_case(Connection& c, std::string_view case_id);

// Records `action` as the step `step` of its case; false (nothing written) when that step
// of that case is already recorded.
bool record_dunning_step(Connection& c, const CollectionAction& action, std::string_view step);

// A contract suspended by the dunning for the debt of `case_id`.
void record_non_payment_suspension(Connection& c, std::string_view contract_id, std::string_view case_id,
                                   const Date& suspended_on);
bool under_non_payment_suspension(Connection& c, std::string_view contract_id);
// The cases whose debt keeps `contract_id` suspended (its open suspension records).
std::vector<std::string> non_payment_suspension_cases(Connection& c, std::string_view contract_id);
// Contracts under a suspension for non-payment that owe nothing past due any more.
std::vector<std::string> contracts_to_resume(Connection& c, const Date& today);
// Whether an invoice of the contract is past due (before `today`) and not fully paid.
bool has_overdue_debt(Connection& c, std::string_view contract_id, const Date& today);
void end_non_payment_suspensions(Connection& c, std::string_view contract_id, const Date& resumed_on);

} // namespace isp::store
