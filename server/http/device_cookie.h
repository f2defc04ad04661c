// The device cookie of the public side: after a browser proves a CIN (verify-cin, or a
// document link asked for with CIN + line), it keeps the device token
// (services/client_identity.h) as `isp_device`, HttpOnly, SameSite=Strict, for the landing
// API only. Sent back with later proofs, it lets the customer's own browser through a lock
// that other people's failures put on their CIN.
#pragma once
#include <string>

namespace httplib {
struct Request;
struct Response;
} // namespace httplib

namespace isp::services {
struct DeviceToken;
}

namespace isp::http {

// The cookie's value, or "" when the request has none.
std::string device_cookie(const httplib::Request& req);
void set_device_cookie(httplib::Response& res, const services::DeviceToken& token);

} // namespace isp::http
