#include "openapi_check.h"

#include <doctest/doctest.h>
#include <httplib.h>

namespace isp::test {

const nlohmann::json& OpenApi::resolve(const nlohmann::json& node) const {
    const nlohmann::json* n = &node;
    while (n->is_object() && n->contains("$ref")) {
        const std::string ref = (*n)["$ref"];
        n = &doc_.at(nlohmann::json::json_pointer(ref.substr(1))); // "#/components/..." -> "/components/..."
    }
    return *n;
}

namespace {
bool has_type(const nlohmann::json& value, const std::string& type) {
    if (type == "object")
        return value.is_object();
    if (type == "array")
        return value.is_array();
    if (type == "string")
        return value.is_string();
    if (type == "integer")
        return value.is_number_integer();
    if (type == "number")
        return value.is_number();
    if (type == "boolean")
        return value.is_boolean();
    if (type == "null")
        return value.is_null();
    return false;
}
} // namespace

void OpenApi::check_schema(const nlohmann::json& schema_ref, const nlohmann::json& value, const std::string& where,
                           std::vector<std::string>& out) const {
    const nlohmann::json& schema = resolve(schema_ref);
    if (schema.contains("type")) {
        bool ok = false;
        if (schema["type"].is_array()) {
            for (const auto& t : schema["type"])
                ok = ok || has_type(value, t);
        } else {
            ok = has_type(value, schema["type"]);
        }
        if (!ok) {
            out.push_back(where + ": expected " + schema["type"].dump() + ", got " + value.dump().substr(0, 80));
            return;
        }
    }
    if (schema.contains("enum") &&
        std::find(schema["enum"].begin(), schema["enum"].end(), value) == schema["enum"].end())
        out.push_back(where + ": " + value.dump() + " not in " + schema["enum"].dump());
    if (value.is_object()) {
        for (const auto& r : schema.value("required", nlohmann::json::array()))
            if (!value.contains(r.get<std::string>()))
                out.push_back(where + ": missing required '" + r.get<std::string>() + "'");
        if (schema.contains("properties"))
            for (const auto& [key, sub] : schema["properties"].items())
                if (value.contains(key))
                    check_schema(sub, value[key], where + "." + key, out);
    }
    if (value.is_array() && schema.contains("items"))
        for (std::size_t i = 0; i < value.size(); ++i)
            check_schema(schema["items"], value[i], where + "[" + std::to_string(i) + "]", out);
}

std::vector<std::string> OpenApi::check(const std::string& method, const std::string& path_template,
                                        const httplib::Response& res) const {
    std::vector<std::string> out;
    const auto& paths = doc_.at("paths");
    if (!paths.contains(path_template) || !paths[path_template].contains(method)) {
        out.push_back(method + " " + path_template + " is not described");
        return out;
    }
    const auto& responses = paths[path_template][method].at("responses");
    const std::string status = std::to_string(res.status);
    if (!responses.contains(status)) {
        out.push_back(method + " " + path_template + ": status " + status + " is not described");
        return out;
    }
    const auto& response = resolve(responses[status]);
    if (!response.contains("content"))
        return out;
    std::string type = res.get_header_value("Content-Type");
    type = type.substr(0, type.find(';'));
    if (!response["content"].contains(type)) {
        out.push_back(method + " " + path_template + " " + status + ": content type " + type + " is not described");
        return out;
    }
    const auto& media = response["content"][type];
    if (media.contains("schema")) {
        nlohmann::json body;
        try {
            body = nlohmann::json::parse(res.body);
        } catch (const std::exception&) {
            out.push_back(method + " " + path_template + " " + status + ": body is not JSON");
            return out;
        }
        check_schema(media["schema"], body, "body", out);
    }
    return out;
}

std::vector<std::string> OpenApi::check_headers(const std::string& method, const std::string& path_template,
                                                const httplib::Response& res) const {
    std::vector<std::string> out;
    const auto& paths = doc_.at("paths");
    const std::string status = std::to_string(res.status);
    if (!paths.contains(path_template) || !paths[path_template].contains(method) ||
        !paths[path_template][method].at("responses").contains(status))
        return out;
    const auto& response = resolve(paths[path_template][method]["responses"][status]);
    if (!response.contains("headers"))
        return out;
    for (const auto& [name, header_ref] : response["headers"].items()) {
        const auto& header = resolve(header_ref);
        if (!header.value("required", false))
            continue;
        const std::string where = method + " " + path_template + " " + status + ": header " + name;
        if (!res.has_header(name)) {
            out.push_back(where + " is missing");
            continue;
        }
        const std::string value = res.get_header_value(name);
        const nlohmann::json schema = header.value("schema", nlohmann::json::object());
        if (value.size() < schema.value("minLength", std::size_t{0}) ||
            value.size() > schema.value("maxLength", std::string::npos))
            out.push_back(where + ": '" + value + "' has the wrong length");
    }
    return out;
}

OpenApi served_description(httplib::Client& client) {
    auto res = client.Get("/api/v1/openapi.json");
    REQUIRE(res);
    REQUIRE(res->status == 200);
    return OpenApi(nlohmann::json::parse(res->body));
}

void check_described(const OpenApi& api, const std::string& method, const std::string& path_template,
                     const httplib::Result& res) {
    REQUIRE(res);
    for (const auto& problem : api.check(method, path_template, *res))
        FAIL_CHECK(method << " " << path_template << " " << res->status << ": " << problem);
    for (const auto& problem : api.check_headers(method, path_template, *res))
        FAIL_CHECK(problem);
}

} // namespace isp::test
