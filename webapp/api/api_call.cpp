#include "webapp/api/api_call.h"

#include "shared/wire/json_reader.h"

namespace isp::webapp {

std::string path_segment(const std::string& text) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
            c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 0x0F];
        }
    }
    return out;
}

std::string query_value(const std::string& text) {
    return path_segment(text);
}

void add_json_headers(platform::HttpRequest& request, Language language) {
    request.headers.push_back({"Accept", "application/json"});
    request.headers.push_back({"Accept-Language", std::string{wire::to_string(language)}});
    if (!request.body.empty())
        request.headers.push_back({"Content-Type", "application/json"});
}

} // namespace isp::webapp
