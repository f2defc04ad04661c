// What each validation code means, in French and English. One table for the server's
// problem details and the portal's inline messages, so both say the same thing.
#pragma once
#include <string>
#include <string_view>

#include "shared/domain/field_error.h"
#include "shared/domain/money.h"

namespace isp {

std::string_view validation_message(std::string_view code, Language language);

inline FieldError field_error(std::string field, std::string code, Language language) {
    std::string message{validation_message(code, language)};
    return FieldError{std::move(field), std::move(code), std::move(message)};
}

} // namespace isp
