#include "server/http/cookies.h"

#include <httplib.h>

#include "shared/domain/text.h"

namespace isp::http {

std::string cookie_value(const httplib::Request& req, std::string_view name) {
    const std::size_t headers = req.get_header_value_count("Cookie");
    for (std::size_t i = 0; i < headers; ++i) {
        const std::string header = req.get_header_value("Cookie", "", i);
        std::string_view rest = header;
        while (!rest.empty()) {
            const std::size_t end = rest.find(';');
            const std::string_view pair = trim(rest.substr(0, end));
            rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
            const std::size_t eq = pair.find('=');
            if (eq != std::string_view::npos && pair.substr(0, eq) == name)
                return std::string(pair.substr(eq + 1));
        }
    }
    return {};
}

} // namespace isp::http
