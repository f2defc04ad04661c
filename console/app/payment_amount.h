// An amount of money as staff type it ("123,45", "123.45", "1 234,5", "300") read into
// minor units, and written back the way it is typed in the person's language: the payment
// form prefills the outstanding amount with it. Two decimals at most (the currencies the
// operator bills in have cents); never floating point.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "shared/domain/money.h"

namespace isp::console {

// Minor units of `text`, or nullopt when it is not an amount (letters, three decimals, two
// separators, empty). Spaces (also no-break ones) group thousands and are ignored.
std::optional<std::int64_t> parse_amount_minor(std::string_view text);

// "123,45" (French) or "123.45" (English), no grouping, no currency: ready to be edited.
std::string amount_input(std::int64_t minor, Language language);

} // namespace isp::console
