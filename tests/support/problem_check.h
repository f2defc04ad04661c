// The API tests' check that a response is the problem the test expects: an RFC 9457
// problem (application/problem+json with status, code, title and detail, as
// http::guarded writes every error) with this status and this code. One check for every
// test, so all of them hold every error to the same shape.
#pragma once
#include <string>

namespace httplib {
class Result;
} // namespace httplib

namespace isp::test {

// Fails the test (REQUIRE) when there is no response at all; otherwise CHECKs each part,
// the response body shown when the status differs.
void check_problem(const httplib::Result& res, int status, const std::string& code);

} // namespace isp::test
