#include "problem_check.h"

#include <doctest/doctest.h>
#include <httplib.h>

#include "test_server.h"

namespace isp::test {

void check_problem(const httplib::Result& res, int status, const std::string& code) {
    REQUIRE(res);
    CHECK_MESSAGE(res->status == status, res->body);
    CHECK(res->get_header_value("Content-Type") == "application/problem+json");
    const auto p = body_json(res);
    CHECK(p["status"] == status);
    CHECK(p["code"] == code);
    CHECK_FALSE(p.value("title", std::string()).empty());
    CHECK_FALSE(p.value("detail", std::string()).empty());
}

} // namespace isp::test
