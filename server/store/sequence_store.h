// Gapless counters: the next number is taken inside the caller's write transaction,
// so a rolled-back write gives its number back and numbering never skips.
#pragma once
#include <cstdint>
#include <string_view>

namespace isp::store {

class Connection;

std::int64_t next_in_sequence(Connection& c, std::string_view name);

// For a batch in one transaction (a billing run): the last number taken so far (0 when
// none), then, once the batch has used current + 1 ... last, record `last`. Same
// guarantee as next_in_sequence, since both calls are in the caller's write transaction.
std::int64_t current_in_sequence(Connection& c, std::string_view name);
void set_sequence(Connection& c, std::string_view name, std::int64_t last);

} // namespace isp::store
