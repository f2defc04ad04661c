// Reading a JSON request body: 415 when it is not JSON, 400 `malformed_json` (with the
// position) when it does not parse, 400 `invalid_body` when it is not an object.
#pragma once
#include <nlohmann/json.hpp>

#include "shared/domain/money.h"

namespace httplib {
struct Request;
}

namespace isp::http {

nlohmann::json json_object_body(const httplib::Request& req);

// The language of the messages a person will read: the body's "language" ("fr", "en"),
// French when absent or not a string.
Language body_language(const nlohmann::json& body);

} // namespace isp::http
