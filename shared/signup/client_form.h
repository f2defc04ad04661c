// A client's own details (CIN, names, phone, e-mail, address, language) as staff create
// or replace them through /api/v1/customers (process map P3): the same field rules as the
// signup form (shared/signup/signup_form.h), so a client looks the same whichever door
// they came in by.
#pragma once
#include <optional>
#include <string>

#include "shared/domain/client.h"
#include "shared/domain/field_error.h"

namespace isp {

struct ClientForm {
    std::string cin;
    std::string first_name;
    std::string last_name;
    std::string phone;
    std::string email;
    std::string address;
    std::string language = "fr"; // "fr" or "en": the language of the client's documents

    bool operator==(const ClientForm&) const = default;
};

struct ClientCheck {
    FieldErrors errors;
    std::optional<Client> valid; // stored forms (CIN normalised, phone E.164...); ids and times left empty
};

// Every field is required except language; messages in `language` (of the staff member).
ClientCheck check_client_form(const ClientForm& form, Language language = Language::English);

} // namespace isp
