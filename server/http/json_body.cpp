#include "server/http/json_body.h"

#include <httplib.h>

#include "server/http/problem.h"
#include "shared/wire/json_reader.h"

namespace isp::http {

nlohmann::json json_object_body(const httplib::Request& req) {
    const std::string type = req.get_header_value("Content-Type");
    if (!type.empty() && type.rfind("application/json", 0) != 0 && type.find("+json") == std::string::npos)
        throw ApiError(415, "unsupported_media_type", "Send the body as application/json.");
    if (req.body.empty())
        throw ApiError(400, "malformed_json", "The request body is empty; a JSON object is expected.");
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(req.body);
    } catch (const nlohmann::json::parse_error& e) {
        throw ApiError(400, "malformed_json",
                       "The request body is not valid JSON (error near byte " + std::to_string(e.byte) + ").");
    }
    if (!j.is_object())
        throw ApiError(400, "invalid_body", "The request body must be a JSON object.");
    return j;
}

Language body_language(const nlohmann::json& body) {
    const auto it = body.find("language");
    return it != body.end() && it->is_string() ? wire::parse_language(it->get<std::string>()) : Language::French;
}

} // namespace isp::http
