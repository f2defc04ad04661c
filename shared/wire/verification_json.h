// Wire format of POST /api/v1/landing/clients/verify-cin: the proof an existing client
// gives (CIN + the service identifier of one of their contracts) and the short-lived
// lookup token the server answers with.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "shared/domain/field_error.h"
#include "shared/domain/money.h"

namespace isp::wire {

struct VerifyCinRequest {
    std::string cin;
    std::string service_identifier;
    Language language = Language::French; // of the messages in the answer
    bool operator==(const VerifyCinRequest&) const = default;
};

nlohmann::json to_json(const VerifyCinRequest& request);
// Wrong types land in `errors`; whether the values prove anything is the server's call.
VerifyCinRequest verify_cin_request_from_json(const nlohmann::json& j, FieldErrors& errors, Language language);

struct Verification {
    std::string lookup_token;
    std::string expires_at;
    std::string client_id;
    std::string first_name;
    bool operator==(const Verification&) const = default;
};

nlohmann::json to_json(const Verification& verification);
Verification verification_from_json(const nlohmann::json& j); // throws nlohmann::json::exception on bad shape

} // namespace isp::wire
