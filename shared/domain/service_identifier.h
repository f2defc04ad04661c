// The subscriber of a contract as a person types it ("06 12 34 56 78", "ftth-a00001"),
// normalised to its stored form: E.164 for mobile and landline numbers, upper case for
// internet line references. Signup knows the offer's family; identity checks (verify-cin,
// document links) do not, and try a phone number first, then a line reference.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "shared/domain/offer.h"

namespace isp {

// For a subscriber of `family`; on failure `code` names the validation message
// ("invalid_mobile_number", "invalid_landline_number", "invalid_line_reference").
std::optional<std::string> normalize_service_identifier(ServiceFamily family, std::string_view text, std::string& code);

// Any family: a Moroccan phone number (E.164), else a line reference (upper case).
std::optional<std::string> normalize_any_service_identifier(std::string_view text);

} // namespace isp
