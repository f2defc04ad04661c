// Reading a cookie a request carries (RFC 6265 section 4.2.1: `Cookie: a=1; b=2`, possibly
// in several Cookie headers), for the device cookie and the staff session cookie.
#pragma once
#include <string>
#include <string_view>

namespace httplib {
struct Request;
}

namespace isp::http {

// The value of the first cookie called `name`, or "" when the request has none.
std::string cookie_value(const httplib::Request& req, std::string_view name);

} // namespace isp::http
