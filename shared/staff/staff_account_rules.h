// The rules of a staff account's fields, checked by the server and, as they are typed, by
// the console: an e-mail, a display name, at least one role.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "shared/domain/field_error.h"
#include "shared/staff/staff_account.h"

namespace isp {

inline constexpr std::size_t max_display_name_length = 100; // code points

// The key an e-mail is unique by: the normalized address, lower-cased whole.
std::string staff_email_key(std::string_view email);

// Normalizes the account's e-mail and trims its name; problems are added to `errors`.
void check_new_staff_account(NewStaffAccount& account, Language language, FieldErrors& errors);
void check_staff_account_change(StaffAccountChange& change, Language language, FieldErrors& errors);

} // namespace isp
