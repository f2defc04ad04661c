// Reading a JSON request body: 415 when it is not JSON; 400 when it is not strictly one
// well-formed JSON value (shared/wire/json_intake.h: `malformed_json`, `invalid_utf8`,
// `trailing_data`, `json_too_deep`, `number_out_of_range`, `duplicate_key`, with the byte
// and, where known, the field); 400 `invalid_body` when it is not an object.
#pragma once
#include <nlohmann/json.hpp>

#include "shared/domain/money.h"

namespace httplib {
struct Request;
}

namespace isp::http {

nlohmann::json json_object_body(const httplib::Request& req);

// The language of the messages before a body is read: the Accept-Language header's
// first choice when it is English, else French.
Language request_language(const httplib::Request& req);

// The language of the messages a person will read: the body's "language" ("fr", "en"),
// French when absent or not a string.
Language body_language(const nlohmann::json& body);

} // namespace isp::http
