// Gapless counters: the next number is taken inside the caller's write transaction,
// so a rolled-back write gives its number back and numbering never skips.
#pragma once
#include <cstdint>
#include <string_view>

namespace isp::store {

class Connection;

std::int64_t next_in_sequence(Connection& c, std::string_view name);

} // namespace isp::store
