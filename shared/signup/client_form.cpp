#include "shared/signup/client_form.h"

#include "shared/domain/cin.h"
#include "shared/domain/email.h"
#include "shared/domain/phone.h"
#include "shared/domain/text.h"
#include "shared/signup/messages.h"
#include "shared/signup/signup_form.h"

namespace isp {
namespace {

std::size_t max_length(std::string_view name) {
    for (const SignupField& f : signup_fields())
        if (f.name == name)
            return f.max_length;
    return 0;
}

} // namespace

ClientCheck check_client_form(const ClientForm& f, Language lang) {
    ClientCheck result;
    FieldErrors& errors = result.errors;
    Client v;

    // The signup form's length and character rules, then "required": the value, trimmed.
    auto text = [&](const char* name, const std::string& value) -> std::optional<std::string> {
        if (utf8_length(value) > max_length(name)) {
            errors.push_back(field_error(name, "too_long", lang));
            return std::nullopt;
        }
        if (!is_clean_utf8_line(value)) {
            errors.push_back(field_error(name, "invalid_text", lang));
            return std::nullopt;
        }
        const std::string_view t = trim(value);
        if (t.empty()) {
            errors.push_back(field_error(name, "required", lang));
            return std::nullopt;
        }
        return std::string{t};
    };

    if (auto cin = text("cin", f.cin)) {
        if (auto n = normalize_cin(*cin))
            v.cin = *n;
        else
            errors.push_back(field_error("cin", "invalid_cin", lang));
    }
    if (auto first = text("first_name", f.first_name))
        v.first_name = *first;
    if (auto last = text("last_name", f.last_name))
        v.last_name = *last;
    if (auto phone = text("phone", f.phone)) {
        if (auto n = normalize_phone(*phone))
            v.phone = n->e164;
        else
            errors.push_back(field_error("phone", "invalid_phone", lang));
    }
    if (auto email = text("email", f.email)) {
        if (auto n = normalize_email(*email))
            v.email = *n;
        else
            errors.push_back(field_error("email", "invalid_email", lang));
    }
    if (auto address = text("address", f.address))
        v.address = *address;
    if (f.language == "fr" || f.language == "en")
        v.language = f.language == "en" ? Language::English : Language::French;
    else
        errors.push_back(field_error("language", "invalid_language", lang));

    if (errors.empty())
        result.valid = std::move(v);
    return result;
}

} // namespace isp
