// E-mail addresses: a pragmatic check (what a person can mistype), not RFC 5322.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace isp {

// Trims, lower-cases the domain; nullopt unless it is local@domain.tld with no spaces,
// one '@', a dot in the domain, and at most 254 characters.
std::optional<std::string> normalize_email(std::string_view text);

} // namespace isp
