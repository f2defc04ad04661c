// The new-password rule (see password_policy.h).
#include "shared/staff/password_policy.h"

#include <algorithm>

#include "shared/domain/text.h"
#include "shared/signup/messages.h"
#include "shared/staff/common_passwords.h"

namespace isp {
namespace {

char ascii_lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// "aaaaaaaaaaaa", "éééééééééééé", "AaAaAaAaAaAa": one code point, repeated (ASCII case ignored,
// as in the list). `password` is valid, non-empty UTF-8.
bool is_one_character_repeated(std::string_view password) {
    const std::size_t step = utf8_sequence_length(static_cast<unsigned char>(password.front()));
    if (step == 0 || password.size() % step != 0)
        return false;
    for (std::size_t i = step; i < password.size(); i += step)
        for (std::size_t k = 0; k < step; ++k)
            if (ascii_lower(password[i + k]) != ascii_lower(password[k]))
                return false;
    return true;
}

} // namespace

bool is_common_password(std::string_view password) {
    std::string lowered(password);
    std::transform(lowered.begin(), lowered.end(), lowered.begin(), ascii_lower);
    const auto list = common_password_list();
    return std::binary_search(list.begin(), list.end(), std::string_view(lowered));
}

FieldErrors check_new_password(std::string_view password, Language language, std::string field) {
    const auto problem = [&](const char* code) { return FieldErrors{field_error(std::move(field), code, language)}; };
    if (password.empty())
        return problem("required");
    // Before anything that reads the whole text: the limit is what bounds the work.
    if (password.size() > max_password_bytes)
        return problem("password_too_long");
    if (!is_valid_utf8(password))
        return problem("invalid_text");
    if (utf8_length(password) < min_password_length)
        return problem("password_too_short");
    if (is_common_password(password) || is_one_character_repeated(password))
        return problem("password_too_common");
    return {};
}

} // namespace isp
