#include "server/http/revalidation.h"

namespace isp::http {

std::string etag_from_sha256(std::string_view sha256_hex) {
    return "\"" + std::string{sha256_hex.substr(0, 16)} + "\"";
}

bool not_modified(const httplib::Request& req, httplib::Response& res, const std::string& etag) {
    res.set_header("ETag", etag);
    res.set_header("Cache-Control", "no-cache");
    if (req.get_header_value("If-None-Match") != etag)
        return false;
    res.status = 304;
    return true;
}

} // namespace isp::http
