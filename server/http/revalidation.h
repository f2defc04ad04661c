// Conditional GETs for responses a browser keeps but must check on each use (the portal's
// files, the catalog, the operator's logo): a strong ETag from the content's SHA-256,
// Cache-Control: no-cache, and 304 Not Modified when the client already has that version.
#pragma once
#include <string>
#include <string_view>

#include <httplib.h>

namespace isp::http {

// The ETag of content whose SHA-256 (hex) is `sha256_hex`: its first 16 digits, quoted.
std::string etag_from_sha256(std::string_view sha256_hex);

// Sets ETag and Cache-Control: no-cache. True when the request's If-None-Match names this
// ETag: the response is then a bodiless 304 and the handler sends nothing more.
bool not_modified(const httplib::Request& req, httplib::Response& res, const std::string& etag);

} // namespace isp::http
