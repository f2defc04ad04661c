// The signature of a webhook's body, sent as X-Portal-Signature: "t=<unix>,v1=<hex>", where
// hex is HMAC-SHA256(secret, "<unix>." + body); during a secret's rotation a second
// ",v1=<hex>" made with the previous secret follows, and a receiver accepts either. The time is signed with the body,
// so a receiver can refuse an old request replayed by someone who recorded it (docs/lifecycle.md has a receiver that
// checks both).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace isp::security {

std::string webhook_signature(std::string_view secret, std::int64_t unix_time, std::string_view body,
                              std::string_view previous_secret = {});

// A new signing secret: "whsec_" and 32 bytes of the CSPRNG in hex.
std::string new_webhook_secret();

} // namespace isp::security
