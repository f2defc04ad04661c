#include "shared/wire/client_form_json.h"

#include "shared/wire/json_reader.h"

namespace isp::wire {

ClientForm client_form_from_json(const nlohmann::json& j, FieldErrors& errors, Language language) {
    ClientForm f;
    JsonReader r(j, errors, language);
    if (!r.is_object()) {
        r.add_error("body", "invalid_type");
        return f;
    }
    r.string("cin", f.cin);
    r.string("first_name", f.first_name);
    r.string("last_name", f.last_name);
    r.string("phone", f.phone);
    r.string("email", f.email);
    r.string("address", f.address);
    r.string("language", f.language);
    return f;
}

Client customer_from_json(const nlohmann::json& body, FieldErrors& errors) {
    // Staff read these messages; the client's own language is a field of the body.
    FieldErrors found;
    const ClientForm form = client_form_from_json(body, found, staff_language);
    if (found.empty()) {
        ClientCheck check = check_client_form(form, staff_language);
        if (check.valid)
            return std::move(*check.valid);
        found = std::move(check.errors);
    }
    errors.insert(errors.end(), found.begin(), found.end());
    return {};
}

} // namespace isp::wire
