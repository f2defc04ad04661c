// What documents print besides their data - the operator's terms, its logo - kept once
// by SHA-256 and referenced from the records (contract versions, billing runs), so a
// document re-rendered years later shows what it showed the day it was produced.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace isp::store {

class Connection;

// Stores the content under its SHA-256 (hex, computed by the caller once: the reference)
// unless already there.
void put_document_asset(Connection& c, std::string_view sha256, std::string_view media_type, std::string_view content,
                        const std::string& now);
std::optional<std::string> find_document_asset(Connection& c, std::string_view sha256);

} // namespace isp::store
