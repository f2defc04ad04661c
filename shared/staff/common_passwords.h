// The bundled list of common passwords (shared/staff/common_passwords.txt), compiled in by
// cmake/common_passwords.py so the server and the browser refuse the same passwords.
#pragma once
#include <span>
#include <string_view>

namespace isp {

// Lower-case ASCII, sorted by byte and unique (the generator refuses anything else), so
// callers may binary-search it.
std::span<const std::string_view> common_password_list();

} // namespace isp
