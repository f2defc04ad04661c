#include "shared/signup/signup_form.h"

#include <algorithm>

#include "shared/domain/cin.h"
#include "shared/domain/email.h"
#include "shared/domain/phone.h"
#include "shared/domain/service_identifier.h"
#include "shared/domain/text.h"
#include "shared/signup/messages.h"

namespace isp {
namespace {

constexpr SignupField fields[] = {
    {"offer_id", "Offre", "Offer", 64, "", ""},
    {"cin", "CIN", "CIN", 12, "Ex. AB123456", "E.g. AB123456"},
    {"first_name", "Pr\u00e9nom", "First name", 60, "", ""},
    {"last_name", "Nom", "Last name", 60, "", ""},
    {"phone", "T\u00e9l\u00e9phone", "Phone", 20, "Ex. 06 12 34 56 78", "E.g. 06 12 34 56 78"},
    {"email", "E-mail", "E-mail", 254, "Ex. nom@exemple.ma", "E.g. name@example.com"},
    {"address", "Adresse", "Address", 200, "Rue, ville", "Street, city"},
    {"service_identifier", "Num\u00e9ro de ligne", "Line number", 24, "Mobile : 06..., fixe : 05...",
     "Mobile: 06..., landline: 05..."},
    {"contract_start_date", "Date de d\u00e9but", "Start date", 10, "AAAA-MM-JJ", "YYYY-MM-DD"},
};

const SignupField& field(std::string_view name) {
    for (const SignupField& f : fields)
        if (f.name == name)
            return f;
    return fields[0];
}

// Length and character rules, shared by drafts and submissions.
void check_text(FieldErrors& errors, std::string_view name, std::string_view value, Language lang) {
    if (utf8_length(value) > field(name).max_length)
        errors.push_back(field_error(std::string{name}, "too_long", lang));
    else if (!is_clean_utf8_line(value))
        errors.push_back(field_error(std::string{name}, "invalid_text", lang));
}

bool has_error(const FieldErrors& errors, std::string_view name) {
    return std::any_of(errors.begin(), errors.end(), [&](const FieldError& e) { return e.field == name; });
}

} // namespace

std::span<const SignupField> signup_fields() {
    return fields;
}

bool is_identity_field(std::string_view name) {
    return name == "cin" || name == "first_name" || name == "last_name" || name == "phone" || name == "email" ||
           name == "address";
}

FieldErrors check_signup_draft(const SignupForm& f) {
    FieldErrors errors;
    const Language lang = f.language;
    check_text(errors, "offer_id", f.offer_id, lang);
    check_text(errors, "cin", f.cin, lang);
    check_text(errors, "first_name", f.first_name, lang);
    check_text(errors, "last_name", f.last_name, lang);
    check_text(errors, "phone", f.phone, lang);
    check_text(errors, "email", f.email, lang);
    check_text(errors, "address", f.address, lang);
    check_text(errors, "service_identifier", f.service_identifier, lang);
    check_text(errors, "contract_start_date", f.contract_start_date, lang);
    return errors;
}

SignupCheck check_signup(const SignupForm& f, const Offer* offer, const Date& today, Applicant applicant) {
    const Language lang = f.language;
    SignupCheck result;
    FieldErrors& errors = result.errors;
    errors = check_signup_draft(f);
    ValidSignup v;
    v.language = lang;

    if (applicant == Applicant::KnownClient)
        std::erase_if(errors, [](const FieldError& e) { return is_identity_field(e.field); });
    const bool identity = applicant == Applicant::NewClient;
    auto required = [&](std::string_view name, std::string_view value) {
        if (is_identity_field(name) && !identity)
            return false;
        if (has_error(errors, name))
            return false;
        if (trim(value).empty()) {
            errors.push_back(field_error(std::string{name}, "required", lang));
            return false;
        }
        return true;
    };

    if (required("offer_id", f.offer_id)) {
        if (!offer)
            errors.push_back(field_error("offer_id", "unknown_offer", lang));
        else if (!offer->active)
            errors.push_back(field_error("offer_id", "offer_inactive", lang));
        else
            v.offer_id = offer->offer_id;
    }
    if (required("cin", f.cin)) {
        if (auto cin = normalize_cin(f.cin))
            v.cin = *cin;
        else
            errors.push_back(field_error("cin", "invalid_cin", lang));
    }
    if (required("first_name", f.first_name))
        v.first_name = std::string{trim(f.first_name)};
    if (required("last_name", f.last_name))
        v.last_name = std::string{trim(f.last_name)};
    if (required("phone", f.phone)) {
        if (auto phone = normalize_phone(f.phone))
            v.phone = phone->e164;
        else
            errors.push_back(field_error("phone", "invalid_phone", lang));
    }
    if (required("email", f.email)) {
        if (auto email = normalize_email(f.email))
            v.email = *email;
        else
            errors.push_back(field_error("email", "invalid_email", lang));
    }
    if (required("address", f.address))
        v.address = std::string{trim(f.address)};
    if (required("service_identifier", f.service_identifier) && offer) {
        std::string code;
        if (auto id = normalize_service_identifier(offer->family, f.service_identifier, code))
            v.service_identifier = *id;
        else
            errors.push_back(field_error("service_identifier", code, lang));
    }
    if (required("contract_start_date", f.contract_start_date)) {
        if (auto d = parse_iso_date(trim(f.contract_start_date))) {
            if (*d < today)
                errors.push_back(field_error("contract_start_date", "start_date_in_past", lang));
            else if (days_between(today, *d) > max_start_days_ahead)
                errors.push_back(field_error("contract_start_date", "start_date_too_far", lang));
            else
                v.contract_start_date = *d;
        } else {
            errors.push_back(field_error("contract_start_date", "invalid_date", lang));
        }
    }
    const bool known_option = std::find(std::begin(commitment_options), std::end(commitment_options),
                                        f.commitment_months) != std::end(commitment_options);
    if (!known_option || (offer && f.commitment_months < offer->commitment_months))
        errors.push_back(field_error("commitment_months", "invalid_commitment", lang));
    else
        v.commitment_months = f.commitment_months;

    if (errors.empty())
        result.valid = std::move(v);
    return result;
}

} // namespace isp
