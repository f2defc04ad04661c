#include "server/http/client_address.h"
#include "shared/domain/text.h"

#include <algorithm>
#include <string_view>

#include <httplib.h>

namespace isp::http {
namespace {

bool trusted(const std::vector<std::string>& proxies, std::string_view address) {
    return std::find(proxies.begin(), proxies.end(), address) != proxies.end();
}

} // namespace

std::string client_address(const httplib::Request& req, const std::vector<std::string>& trusted_proxies) {
    if (!trusted(trusted_proxies, req.remote_addr) || !req.has_header("X-Forwarded-For"))
        return req.remote_addr;
    // Several X-Forwarded-For headers count as one list, in order.
    std::string list;
    for (std::size_t i = 0, n = req.get_header_value_count("X-Forwarded-For"); i < n; ++i)
        list += (list.empty() ? "" : ",") + req.get_header_value("X-Forwarded-For", "", i);
    std::string_view rest = list;
    while (!rest.empty()) {
        const auto comma = rest.rfind(',');
        const std::string_view entry = trim(comma == std::string_view::npos ? rest : rest.substr(comma + 1));
        rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(0, comma);
        if (entry.empty() || entry.size() > 64)
            break; // malformed: stop believing the header
        if (!trusted(trusted_proxies, entry))
            return std::string(entry);
    }
    return req.remote_addr;
}

} // namespace isp::http
