// SQL of scheduled_changes: status and offer changes waiting for their date (migrations 11, 15).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/domain/date.h"
#include "shared/domain/scheduled_change.h"

namespace isp::store {
class Connection;

void insert_scheduled_change(Connection& c, const ScheduledChange& change);
// The contract's pending changes, by date.
std::vector<ScheduledChange> list_pending_changes(Connection& c, std::string_view contract_id);
std::optional<ScheduledChange> find_pending_change(Connection& c, std::string_view change_id);
// Pending changes whose date is `today` or earlier, oldest first, at most `limit`.
std::vector<ScheduledChange> list_due_changes(Connection& c, const Date& today, int limit);
// Moves a pending change to `state` ("carried_out" or "cancelled"); false when it was not
// pending any more.
bool settle_scheduled_change(Connection& c, std::string_view change_id, std::string_view state, const std::string& at,
                             const std::string& by);

} // namespace isp::store
