// Reading a JSON document from bytes someone else sent, strictly, in one place: the
// server's request bodies go through it (server/http/json_body.cpp), and so do the fuzzers.
// What it accepts is I-JSON (RFC 7493): well-formed UTF-8, exactly one value and nothing
// after it but whitespace, no duplicate member names, numbers a double can hold; and it
// stops at `max_depth` levels of nesting before building anything deeper, so a body of a
// thousand '[' costs nothing.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace isp::wire {

struct JsonIntakeLimits {
    std::size_t max_bytes = 64 * 1024;
    int max_depth = 32; // an object or array counts one level
};

struct JsonIntakeError {
    // "body_too_large", "invalid_utf8", "malformed_json", "trailing_data", "json_too_deep",
    // "number_out_of_range", "duplicate_key"
    std::string code;
    std::size_t byte = 0; // where in the text
    std::string field;    // the member it concerns, when known: "subscriber.first_name", "lines[2]"
};

std::optional<nlohmann::json> read_json_strictly(std::string_view text, const JsonIntakeLimits& limits,
                                                 JsonIntakeError& error);

// For people: what `error` means, with its byte and field.
std::string describe(const JsonIntakeError& error);

} // namespace isp::wire
