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

} // namespace isp::wire
