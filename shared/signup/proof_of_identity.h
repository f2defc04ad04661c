// What an existing client types to prove who they are (verify-cin): their CIN and the
// service identifier of one of their lines, checked the same way by the portal as they
// type and by the server before anything is looked up.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "shared/domain/field_error.h"
#include "shared/domain/money.h" // Language

namespace isp {

struct CheckedProof {
    std::optional<std::string> cin;                // normalised, when well formed
    std::optional<std::string> service_identifier; // normalised (any family), when well formed
    FieldErrors errors; // "cin" and "service_identifier": required, invalid_cin, invalid_service_identifier
};

// Blank (spaces only) is missing. The messages are in `language`.
CheckedProof check_proof_of_identity(std::string_view cin, std::string_view service_identifier, Language language);

} // namespace isp
