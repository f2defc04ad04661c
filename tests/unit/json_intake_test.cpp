// The strict JSON intake (shared/wire/json_intake.h): one value, I-JSON, bounded depth.
#include <doctest/doctest.h>

#include "shared/wire/json_intake.h"

using namespace isp::wire;

namespace {

JsonIntakeError refusal(std::string_view text, JsonIntakeLimits limits = {}) {
    JsonIntakeError error;
    const auto value = read_json_strictly(text, limits, error);
    CHECK_MESSAGE(!value, text);
    return error;
}

nlohmann::json accepted(std::string_view text) {
    JsonIntakeError error;
    auto value = read_json_strictly(text, {}, error);
    REQUIRE_MESSAGE(value, (std::string(text) + " -> " + error.code));
    return *value;
}

} // namespace

TEST_CASE("json intake: ordinary documents come through as nlohmann::json would read them") {
    for (const char* text : {R"({"cin":"AB123456","n":12,"x":-1.5e3,"ok":true,"none":null,"list":[1,[2,{}]]})",
                             "  [ ]  ", "\"Zo\u00e9\"", "0", R"({"":{"":[]}})", R"({"a":"\ud83d\ude00"})"}) {
        CAPTURE(text);
        CHECK(accepted(text) == nlohmann::json::parse(text));
    }
}

TEST_CASE("json intake: numbers beyond a double are refused with where they are") {
    auto e = refusal(R"({"amount":{"value":1e999}})");
    CHECK(e.code == "number_out_of_range");
    CHECK(e.field == "amount.value");
    CHECK(refusal("-1e309").code == "number_out_of_range");
    CHECK(refusal("1e999").field.empty());
    e = refusal(R"({"lines":[1,2,)" + std::string(5000, '9') + "]}");
    CHECK(e.code == "number_out_of_range");
    CHECK(e.field == "lines[2]");
}

TEST_CASE("json intake: exactly one value, nothing after it") {
    CHECK(refusal(std::string("{\"cin\":\"AB123456\"}\0garbage", 26)).code == "malformed_json");
    CHECK(refusal("{} {}").code == "trailing_data");
    CHECK(refusal("[1] x").code == "trailing_data");
    CHECK(refusal("{\"a\":1").code == "malformed_json");
    CHECK(refusal("").code == "malformed_json");
}

TEST_CASE("json intake: duplicate member names are refused (RFC 7493), with the member") {
    auto e = refusal(R"({"cin":"AB123456","cin":"ZZ999999"})");
    CHECK(e.code == "duplicate_key");
    CHECK(e.field == "cin");
    e = refusal(R"({"subscriber":{"first_name":"A","first_name":"B"}})");
    CHECK(e.field == "subscriber.first_name");
    // The same name in two objects is fine.
    accepted(R"({"a":{"x":1},"b":{"x":2}})");
}

TEST_CASE("json intake: nesting stops at the limit, before building anything deeper") {
    std::string ok(32, '['), deep(33, '[');
    ok += std::string(32, ']');
    deep += std::string(33, ']');
    accepted(ok);
    CHECK(refusal(deep).code == "json_too_deep");
    // 64 KB of '[' is refused at its 33rd byte.
    const auto e = refusal(std::string(64 * 1024, '['));
    CHECK(e.code == "json_too_deep");
    CHECK(e.byte <= 33);
}

TEST_CASE("json intake: bytes that are not UTF-8, and bodies over the limit") {
    auto e = refusal("{\"name\":\"\xff\"}");
    CHECK(e.code == "invalid_utf8");
    CHECK(e.byte == 9);
    CHECK(refusal("\"\xc0\xae\"").code == "invalid_utf8");     // overlong
    CHECK(refusal("\"\xed\xa0\x80\"").code == "invalid_utf8"); // a surrogate, encoded
    CHECK(refusal(R"("\ud800")").code == "malformed_json");    // a lone surrogate, escaped
    JsonIntakeLimits small;
    small.max_bytes = 4;
    CHECK(refusal("[1,2]", small).code == "body_too_large");
    CHECK(describe(refusal("{} {}")).find("exactly one value") != std::string::npos);
}
