// Requests refused on their head alone, before a body is read or a route is tried:
//   - HTTP/1.1 without Host (RFC 9112 section 3.2): 400 missing_host;
//   - a body announced by Transfer-Encoding: 411 length_required (our bodies are small JSON
//     documents; browsers send them with Content-Length), so no chunk is ever parsed;
//   - a Content-Length that is not a plain decimal number: 400 invalid_content_length, or
//     larger than --max-body-bytes: 413 payload_too_large, at once rather than after
//     waiting for bytes that will not come;
//   - a path or query that is not valid UTF-8, or holds control characters, once
//     percent-decoded: 400 invalid_path / invalid_query (nothing we serve has such a name).
#pragma once
#include <cstddef>
#include <optional>

#include "server/http/problem.h"

namespace httplib {
struct Request;
}

namespace isp::http {

struct FramingRefusal {
    ApiError error;
    bool skip_body; // the announced body is not to be read: answer, then close
};

std::optional<FramingRefusal> check_request_framing(const httplib::Request& req, std::size_t max_body_bytes);

} // namespace isp::http
