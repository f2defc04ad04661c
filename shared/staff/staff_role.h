// What a staff member may do: the roles of staff accounts and tokens, shared with the
// browser so the console offers only what the server will allow.
//   admin   everything, staff accounts included
//   ops     the day's operations: customers, contracts, billing, payments, collections
//   viewer  reads only
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace isp {

enum class StaffRole { Admin, Ops, Viewer };

std::string_view to_string(StaffRole role);
// "admin,ops" -> roles, without repeats; nullopt when empty or when a name is unknown.
std::optional<std::vector<StaffRole>> parse_staff_roles(std::string_view text);
std::string join_staff_roles(const std::vector<StaffRole>& roles);
// admin grants every role, ops grants viewer.
bool grants(const std::vector<StaffRole>& held, StaffRole needed);
// The roles of `wanted` that `held` grants: a token acting for an account gets no more
// than the account may do.
std::vector<StaffRole> roles_within(const std::vector<StaffRole>& wanted, const std::vector<StaffRole>& held);

} // namespace isp
