// The staff audit log: appended to, never updated; read by admins newest first.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/staff/staff_account.h"

namespace isp::store {

class Connection;

void insert_staff_audit(Connection& c, const StaffAuditEntry& e);
// Newest first; only the account's entries when `account_id` is not empty.
std::int64_t count_staff_audit(Connection& c, std::string_view account_id);
std::vector<StaffAuditEntry> list_staff_audit(Connection& c, std::string_view account_id, std::int64_t limit,
                                              std::int64_t offset);

} // namespace isp::store
