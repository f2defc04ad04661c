// Wire format of staff accounts (docs/staff-accounts.md): accounts, the bodies that create
// and change them, password links and the staff audit log.
#pragma once
#include <nlohmann/json.hpp>

#include "shared/domain/field_error.h"
#include "shared/staff/staff_account.h"
#include "shared/staff/staff_requests.h"

namespace isp::wire {

nlohmann::json to_json(const StaffAccount& account);
StaffAccount staff_account_from_json(const nlohmann::json& j); // throws nlohmann::json::exception on bad shape

// A POST /staff/accounts body (the console writes it); each wrong field is added to `errors`.
nlohmann::json to_json(const NewStaffAccount& account);
NewStaffAccount new_staff_account_from_json(const nlohmann::json& body, FieldErrors& errors);
// A PATCH /staff/accounts/{id} body: only the fields present change (and are written).
nlohmann::json to_json(const StaffAccountChange& change);
StaffAccountChange staff_account_change_from_json(const nlohmann::json& body, FieldErrors& errors);

nlohmann::json to_json(const PasswordLink& link);
PasswordLink password_link_from_json(const nlohmann::json& j); // throws on bad shape

nlohmann::json to_json(const StaffAuditEntry& entry);
StaffAuditEntry staff_audit_entry_from_json(const nlohmann::json& j); // throws on bad shape

} // namespace isp::wire
