// The canned answers the fake HTTP plays are the real server's (captured by
// responses/capture): each matches its operation's description in server/openapi/openapi.json
// (status, content type, body schema), the same check tests/api runs on live answers.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>

#include <doctest/doctest.h>
#include <httplib.h>

#include "canned.h"
#include "openapi_check.h"

namespace isp::portal::test {

TEST_CASE("canned answers are the server's: each matches the OpenAPI description of its operation") {
    std::ifstream file(ISP_OPENAPI_FILE);
    REQUIRE(file);
    const isp::test::OpenApi api(nlohmann::json::parse(file));
    for (const Canned* answer : canned::all) {
        CAPTURE(answer->file);
        httplib::Response response;
        response.status = answer->status;
        response.body = answer->body();
        const bool problem = answer->status >= 400;
        response.set_header("Content-Type", problem ? "application/problem+json" : "application/json");
        std::string method = answer->method;
        std::transform(method.begin(), method.end(), method.begin(),
                       [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
        for (const std::string& mismatch : api.check(method, answer->path, response))
            FAIL_CHECK(mismatch);
        if (problem)
            CHECK(nlohmann::json::parse(response.body).at("status") == answer->status);
    }
}

TEST_CASE("every captured answer is in canned::all, so the check above covers it") {
    for (const auto& entry : std::filesystem::directory_iterator(ISP_PORTAL_RESPONSES_DIR)) {
        if (entry.path().extension() != ".json")
            continue;
        const std::string name = entry.path().filename().string();
        CAPTURE(name);
        CHECK(std::any_of(canned::all.begin(), canned::all.end(),
                          [&](const Canned* answer) { return name == answer->file; }));
    }
}

} // namespace isp::portal::test
