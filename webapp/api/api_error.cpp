#include "webapp/api/api_error.h"

#include <nlohmann/json.hpp>

#include "shared/wire/signup_json.h"

namespace isp::webapp {

ApiError api_error_from_response(int status, const std::string& body) {
    ApiError error;
    error.status = status;
    const nlohmann::json j = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (!j.is_object())
        return error;
    auto text = [&](const char* key) {
        const auto it = j.find(key);
        return it != j.end() && it->is_string() ? it->get<std::string>() : std::string{};
    };
    error.code = text("code");
    error.title = text("title");
    error.detail = text("detail");
    if (const auto it = j.find("errors"); it != j.end())
        error.errors = wire::field_errors_from_json(*it);
    return error;
}

} // namespace isp::webapp
