// Unguessable identifiers and random bytes from OpenSSL's CSPRNG.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace isp::security {

std::string random_bytes(std::size_t n); // throws if the CSPRNG fails
std::string to_hex(std::string_view bytes);
std::string sha256_hex(std::string_view data);
std::string sha256_base64(std::string_view data); // standard, padded (a CSP source's hash)

// "drf_" + 26 base32 characters for 16 random bytes: 128 bits nobody can guess.
std::string new_id(std::string_view prefix, std::size_t random_byte_count = 16);

} // namespace isp::security
