// A verified customer's lookup token on the landing GETs: `Authorization: Bearer <token>`
// (what the portal sends: a header stays out of addresses, browser history and proxies'
// logs), or the documented query parameter `lookup_token` kept for compatibility. The header
// wins when both are sent. Empty when neither is: the service answers 401.
#pragma once
#include <string>

#include <httplib.h>

namespace isp::http {

std::string lookup_token(const httplib::Request& req);

} // namespace isp::http
