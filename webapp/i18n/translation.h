// The machinery of both apps' words: each app lists its texts as (id, French, English) in
// the order of its enum, and picks one by the person's language. A "{}" in a text stands
// for one value filled in when shown ("Engagement minimum : {} mois").
#pragma once
#include <string>
#include <string_view>

#include "shared/domain/money.h"

namespace isp::webapp {

struct Translation {
    std::string_view fr;
    std::string_view en;
};

constexpr std::string_view in_language(const Translation& t, Language language) {
    return language == Language::French ? t.fr : t.en;
}

// `pattern` with its first "{}" replaced by `value`.
std::string with_value(std::string_view pattern, std::string_view value);

} // namespace isp::webapp
