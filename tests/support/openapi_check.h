// Checks a real response against the server's own OpenAPI description: the documented
// status for that method and path, the content type, and the body against the schema
// (the subset of JSON Schema the description uses: type, required, properties, items,
// enum, $ref). Returns what does not match, empty when it all does. check_described() also
// checks the response headers the description marks required (X-Request-Id on every
// answer): a real server's answers have their headers, canned ones only status and body.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace httplib {
struct Response;
class Client;
class Result;
} // namespace httplib

namespace isp::test {

class OpenApi {
public:
    explicit OpenApi(nlohmann::json document) : doc_(std::move(document)) {}

    // `path_template` as written in the description ("/landing/drafts/{draft_id}").
    std::vector<std::string> check(const std::string& method, const std::string& path_template,
                                   const httplib::Response& res) const;
    // The headers the description marks required for that answer, each present and fitting
    // its schema; nothing when the status is not described (check() says so).
    std::vector<std::string> check_headers(const std::string& method, const std::string& path_template,
                                           const httplib::Response& res) const;

private:
    void check_schema(const nlohmann::json& schema, const nlohmann::json& value, const std::string& where,
                      std::vector<std::string>& out) const;
    const nlohmann::json& resolve(const nlohmann::json& node) const;

    nlohmann::json doc_;
};

// The description the server under test serves (GET /api/v1/openapi.json).
OpenApi served_description(httplib::Client& client);
// Fails the current test case (doctest) with every way `res` departs from the description.
void check_described(const OpenApi& api, const std::string& method, const std::string& path_template,
                     const httplib::Result& res);

} // namespace isp::test
