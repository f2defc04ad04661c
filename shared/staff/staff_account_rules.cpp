#include "shared/staff/staff_account_rules.h"

#include "shared/domain/email.h"
#include "shared/domain/text.h"
#include "shared/signup/messages.h"

namespace isp {
namespace {

void check_display_name(std::string& name, Language language, FieldErrors& errors) {
    name = std::string(trim(name));
    if (name.empty())
        errors.push_back(field_error("display_name", "required", language));
    else if (!is_clean_utf8_line(name))
        errors.push_back(field_error("display_name", "invalid_text", language));
    else if (utf8_length(name) > max_display_name_length)
        errors.push_back(field_error("display_name", "too_long", language));
}

} // namespace

std::string staff_email_key(std::string_view email) {
    std::string key(trim(email));
    for (char& c : key)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return key;
}

void check_new_staff_account(NewStaffAccount& account, Language language, FieldErrors& errors) {
    if (trim(account.email).empty())
        errors.push_back(field_error("email", "required", language));
    else if (const auto email = normalize_email(account.email))
        account.email = *email;
    else
        errors.push_back(field_error("email", "invalid_email", language));
    check_display_name(account.display_name, language, errors);
    if (account.roles.empty())
        errors.push_back(field_error("roles", "required", language));
}

void check_staff_account_change(StaffAccountChange& change, Language language, FieldErrors& errors) {
    if (change.display_name)
        check_display_name(*change.display_name, language, errors);
    if (change.roles && change.roles->empty())
        errors.push_back(field_error("roles", "required", language));
}

} // namespace isp
