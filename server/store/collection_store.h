// Collection cases and their actions in the database, and the figures of the
// collections overview. A case is opened for every invoice that is past due with
// something outstanding (one per invoice: collection_cases.invoice_id is UNIQUE), and
// closes itself with reason "paid" in the transaction of the payment that settles it.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/collections/case_record.h"
#include "shared/collections/collection_case.h"
#include "shared/domain/date.h"
#include "shared/domain/money.h"

namespace isp::store {

class Connection;

// True when some invoice due more than `grace_days` before `today` with something
// outstanding has no case yet. A cheap read (invoices_by_due index) so that reads need no
// write transaction when there is nothing to open.
bool has_overdue_invoice_without_case(Connection& c, const Date& today, int grace_days);
// Opens a case for each such invoice, in one INSERT ... SELECT. A case opens on the first
// day its invoice is chased (due date + grace days + 1), whenever it is noticed, so the
// records do not depend on when somebody looked. Returns how many were opened.
std::int64_t open_cases_for_overdue_invoices(Connection& c, const Date& today, int grace_days, const std::string& now);
// Closes the invoice's case (if open) with reason "paid". Returns its id when one closed.
std::optional<std::string> close_case_paid(Connection& c, std::string_view invoice_id, const Date& today,
                                           const std::string& now);

std::int64_t count_cases(Connection& c, const CaseFilter& filter, const Date& today);
// Longest overdue first, then by case id.
std::vector<CollectionCase> list_cases(Connection& c, const CaseFilter& filter, const Date& today, std::int64_t limit,
                                       std::int64_t offset);
std::optional<CollectionCase> find_case(Connection& c, std::string_view case_id, const Date& today);

void update_case_status(Connection& c, std::string_view case_id, CaseStatus status,
                        const std::optional<std::string>& closed_on, const std::optional<std::string>& close_reason,
                        const std::string& now);

CollectionAction insert_action(Connection& c, CollectionAction action); // returns it with its id
std::int64_t count_actions(Connection& c, std::string_view case_id);
std::vector<CollectionAction> list_actions(Connection& c, std::string_view case_id, std::int64_t limit,
                                           std::int64_t offset); // oldest first

// The overview's raw figures, in one currency.
struct OverdueByDays {
    std::int64_t days_past_due = 0;
    std::int64_t amount_minor = 0;
    std::int64_t invoice_count = 0;
};
struct ReceivablesFigures {
    std::int64_t outstanding_minor = 0; // every invoice not fully paid
    std::int64_t outstanding_count = 0;
    std::vector<OverdueByDays> overdue; // due before today, by days past due
};
ReceivablesFigures receivables(Connection& c, std::string_view currency, const Date& today);
// Number of cases in each status (indexed like all_case_statuses).
std::vector<std::int64_t> count_cases_by_status(Connection& c);

} // namespace isp::store
