// Who an existing client is, on the public side (process map P9/P10). A CIN alone never
// proves it (CINs are printed on many documents): the client also names the service
// identifier of one of their live contracts. A proof that fails, whatever was wrong,
// gets the same answer, and failures per client address and per CIN are limited.
// A proof that holds gives a lookup token bound to the client:
//   "<client_id>.<expires_unix>.<HMAC>", purpose "lookup", subject the client id,
// so the server can tell which client a token is for and check it against the request.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "server/security/rate_limiter.h"
#include "shared/domain/client.h"

namespace isp {
class Clock;
struct ServerConfig;
namespace security {
class TokenSigner;
}
namespace store {
class Connection;
}
} // namespace isp

namespace isp::services {

// Given to a browser after it proved a CIN, kept as an HttpOnly cookie: "<expires>.<HMAC>"
// over purpose "device" and the CIN. Failures from that browser on that CIN are counted on
// their own, so other people's failures cannot lock the customer out of it.
struct DeviceToken {
    std::string token;
    std::int64_t max_age_seconds;
};

struct LookupToken {
    std::string token;
    std::string expires_at; // UTC timestamp
};

class ClientIdentity {
public:
    ClientIdentity(const ServerConfig& config, const security::TokenSigner& signer, const Clock& clock);

    LookupToken issue(std::string_view client_id) const;

    // The client id the token is bound to. Throws 401 lookup_token_invalid (missing,
    // malformed, truncated, forged) or 401 lookup_token_expired.
    std::string client_of(std::string_view token) const;

    // The client a lookup token opens, checked against the CIN a path names (the token
    // first: without a valid one nothing about the CIN is looked up). 401 as client_of;
    // 403 lookup_token_mismatch when the CIN is another client's, or nobody's (same answer).
    Client client_for_cin(store::Connection& c, std::string_view token, std::string_view cin) const;

    // Checks CIN + service identifier as typed. Throws 400 validation_failed when either
    // is missing or malformed (nothing is looked up then), 429 too_many_attempts while
    // the attempt's keys are over their failures (even for a right proof): the device
    // token's when it is valid for this CIN, else the address's and the CIN's; and 401
    // verification_failed, always with the same detail, when the proof does not hold.
    Client verify(store::Connection& c, std::string_view remote_addr, std::string_view cin,
                  std::string_view service_identifier, std::string_view device_token, Language language);

    DeviceToken issue_device_token(const Client& client) const;

private:
    const ServerConfig& config_;
    const security::TokenSigner& signer_;
    const Clock& clock_;
    security::RateLimiter failures_;
};

} // namespace isp::services
