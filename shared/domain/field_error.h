// A problem with one input field: what RFC 9457 responses list under "errors" and
// what the portal shows next to the field. `code` is stable, `message` is for people.
#pragma once
#include <string>
#include <vector>

namespace isp {

struct FieldError {
    std::string field;   // wire name of the field: "cin", "contract_start_date", "subscriber.service_identifier"
    std::string code;    // "invalid_cin", "required", ...
    std::string message; // in the language asked for

    bool operator==(const FieldError&) const = default;
};

using FieldErrors = std::vector<FieldError>;

} // namespace isp
