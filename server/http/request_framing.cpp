#include "server/http/request_framing.h"

#include <httplib.h>

#include "shared/domain/text.h"

namespace isp::http {
namespace {

bool plain_decimal(const std::string& text) {
    return !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
}

} // namespace

std::optional<FramingRefusal> check_request_framing(const httplib::Request& req, std::size_t max_body_bytes) {
    if (req.version == "HTTP/1.1" && !req.has_header("Host"))
        return FramingRefusal{ApiError(400, "missing_host", "An HTTP/1.1 request must have a Host header."), true};
    if (req.has_header("Transfer-Encoding"))
        return FramingRefusal{
            ApiError(411, "length_required", "Send the request body with a Content-Length header, not chunked."), true};
    if (req.has_header("Content-Length")) {
        if (req.get_header_value_count("Content-Length") != 1)
            return FramingRefusal{
                ApiError(400, "invalid_content_length", "The request has more than one Content-Length header."), true};
        const std::string length = req.get_header_value("Content-Length");
        if (!plain_decimal(length))
            return FramingRefusal{
                ApiError(400, "invalid_content_length", "Content-Length must be a plain decimal number of bytes."),
                true};
        // More than 19 digits is more than any body we take (and than stoull reads).
        if (length.size() > 19 || std::stoull(length) > max_body_bytes)
            return FramingRefusal{
                ApiError(413, "payload_too_large",
                         "The request body is larger than " + std::to_string(max_body_bytes) + " bytes."),
                true};
    }
    if (!is_clean_utf8_line(req.path))
        return FramingRefusal{
            ApiError(400, "invalid_path", "The request path is not valid UTF-8 text once percent-decoded."), false};
    for (const auto& [name, value] : req.params)
        if (!is_clean_utf8_line(name) || !is_clean_utf8_line(value))
            return FramingRefusal{
                ApiError(400, "invalid_query", "A query parameter is not valid UTF-8 text once percent-decoded."),
                false};
    return std::nullopt;
}

} // namespace isp::http
