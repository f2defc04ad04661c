// The rule a new staff password must meet, shared by the server (which enforces it) and
// the portal (which shows the same messages as the person types). Length over composition
// rules, plus a list of common passwords, as NIST SP 800-63B recommends.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include "shared/domain/field_error.h"
#include "shared/domain/money.h"

namespace isp {

inline constexpr std::size_t min_password_length = 12; // Unicode code points
inline constexpr std::size_t max_password_bytes = 256; // bounds the hashing work a request can ask for

// Problems with a proposed new password (field name `field`, e.g. "password"), messages in
// `language`; empty when acceptable. At most one problem, the first of: "required" (empty),
// "password_too_long" (over max_password_bytes), "invalid_text" (invalid UTF-8),
// "password_too_short" (under min_password_length code points), "password_too_common" (in
// the bundled list, or one character repeated). The password is taken as typed: no trimming,
// since spaces are allowed anywhere in it.
FieldErrors check_new_password(std::string_view password, Language language, std::string field = "password");

// True when the password is in the bundled list of common passwords, ASCII case-insensitive.
bool is_common_password(std::string_view password);

} // namespace isp
