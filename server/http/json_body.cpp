#include "server/http/json_body.h"

#include <httplib.h>

#include "server/http/problem.h"
#include "server/http/problem_language.h"
#include "shared/signup/messages.h"
#include "shared/wire/json_intake.h"
#include "shared/wire/json_reader.h"
#include "shared/wire/problem_codes.h"

namespace isp::http {

nlohmann::json json_object_body(const httplib::Request& req) {
    const std::string type = req.get_header_value("Content-Type");
    if (!type.empty() && type.rfind("application/json", 0) != 0 && type.find("+json") == std::string::npos)
        throw ApiError(415, "unsupported_media_type", "Send the body as application/json.");
    if (req.body.empty())
        throw ApiError(400, wire::problem::malformed_json, "The request body is empty; a JSON object is expected.");
    wire::JsonIntakeLimits limits;
    limits.max_bytes = req.body.size(); // the size limit is the server's (--max-body-bytes), checked before
    wire::JsonIntakeError error;
    std::optional<nlohmann::json> parsed = wire::read_json_strictly(req.body, limits, error);
    if (!parsed) {
        FieldErrors fields;
        if (!error.field.empty())
            fields.push_back(field_error(error.field, error.code, request_language(req)));
        throw ApiError(400, error.code, wire::describe(error), std::move(fields));
    }
    nlohmann::json j = std::move(*parsed);
    if (!j.is_object())
        throw ApiError(400, wire::problem::invalid_body, "The request body must be a JSON object.");
    return j;
}

Language request_language(const httplib::Request& req) {
    return accepted_language(req).value_or(Language::French);
}

Language body_language(const nlohmann::json& body) {
    const auto it = body.find("language");
    return it != body.end() && it->is_string() ? wire::parse_language(it->get<std::string>()) : Language::French;
}

} // namespace isp::http
