// Server secrets (the key that signs document links and lookup tokens). Generated with
// OpenSSL's CSPRNG on first start and kept in the database, so a restart keeps links
// valid; never logged, never sent.
#pragma once
#include <string>
#include <string_view>

namespace isp::store {

class Database;

// Returns the secret called `name`, creating 32 random bytes the first time.
std::string load_or_create_secret(Database& db, std::string_view name, const std::string& now);

} // namespace isp::store
