#include "webapp/i18n/translation.h"

namespace isp::webapp {

std::string with_value(std::string_view pattern, std::string_view value) {
    std::string out{pattern};
    if (const auto at = out.find("{}"); at != std::string::npos)
        out.replace(at, 2, value);
    return out;
}

} // namespace isp::webapp
