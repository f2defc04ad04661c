// Collections (process map P15): the overdue debt and its recovery cases. An invoice past
// its due date with something outstanding gets a case; cases are opened lazily but
// deterministically: before any collections read or write, for every invoice overdue
// by the injectable clock's today (cheap when there is nothing to open). Staff move a
// case through open / in_progress / promise_to_pay / closed (every change is also kept
// as a note in its actions) and record the dunning actions they take.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "server/services/page.h"
#include "shared/collections/case_record.h"
#include "shared/collections/case_requests.h"
#include "shared/collections/collection_case.h"
#include "shared/collections/collections_overview.h"
#include "shared/domain/date.h"
#include "shared/domain/money.h"

namespace isp::store {
class Connection;
}

namespace isp::services {
struct ServiceContext;

// Opens the cases of invoices overdue today that have none (a write only when needed).
void open_overdue_cases(ServiceContext& context);

// In one currency (the operator's, or `currency`).
CollectionsOverview overview(ServiceContext& context, const std::string& currency);

CollectionCase get_case(ServiceContext& context, const std::string& case_id); // 404 case_not_found
// Longest overdue first, then by case id.
Page<CollectionCase> list_cases(ServiceContext& context, const CaseFilter& filter, std::int64_t limit,
                                std::int64_t offset);

// 404 case_not_found; 409 case_closed_by_payment (a paid case cannot reopen),
// case_invoice_settled (reopening a case whose invoice has been paid since).
CollectionCase change_case_status(ServiceContext& context, const std::string& case_id, const CaseStatusChange& change,
                                  const std::string& actor);

// 404 case_not_found; 409 case_closed for a dunning action (anything but a note) on a
// closed case. The second runs inside the caller's write transaction (the idempotency guard's).
CollectionAction add_action(ServiceContext& context, const std::string& case_id, const NewCollectionAction& action,
                            const std::string& actor);
CollectionAction add_action(store::Connection& c, ServiceContext& context, const std::string& case_id,
                            const NewCollectionAction& action, const std::string& actor);
// Oldest first; 404 case_not_found for an unknown case (not an empty list).
Page<CollectionAction> list_actions(ServiceContext& context, const std::string& case_id, std::int64_t limit,
                                    std::int64_t offset);

} // namespace isp::services
