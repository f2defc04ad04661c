#include "shared/wire/signup_json.h"

#include "shared/wire/json_reader.h"

namespace isp::wire {

nlohmann::json to_json(const SignupForm& f) {
    return {{"offer_id", f.offer_id},
            {"cin", f.cin},
            {"first_name", f.first_name},
            {"last_name", f.last_name},
            {"phone", f.phone},
            {"email", f.email},
            {"address", f.address},
            {"service_identifier", f.service_identifier},
            {"contract_start_date", f.contract_start_date},
            {"commitment_months", f.commitment_months},
            {"language", std::string{to_string(f.language)}}};
}

SignupForm signup_form_from_json(const nlohmann::json& j, FieldErrors& errors) {
    SignupForm f;
    std::string language;
    JsonReader lang_reader(j, errors, Language::French);
    if (lang_reader.string("language", language))
        f.language = parse_language(language);
    JsonReader r(j, errors, f.language);
    if (!r.is_object()) {
        r.add_error("body", "invalid_type");
        return f;
    }
    r.string("offer_id", f.offer_id);
    r.string("cin", f.cin);
    r.string("first_name", f.first_name);
    r.string("last_name", f.last_name);
    r.string("phone", f.phone);
    r.string("email", f.email);
    r.string("address", f.address);
    r.string("service_identifier", f.service_identifier);
    r.string("contract_start_date", f.contract_start_date);
    r.integer("commitment_months", f.commitment_months);
    return f;
}

nlohmann::json to_json(const FieldError& e) {
    return {{"field", e.field}, {"code", e.code}, {"message", e.message}};
}

nlohmann::json to_json(const FieldErrors& errors) {
    nlohmann::json a = nlohmann::json::array();
    for (const FieldError& e : errors)
        a.push_back(to_json(e));
    return a;
}

FieldErrors field_errors_from_json(const nlohmann::json& j) {
    FieldErrors out;
    if (!j.is_array())
        return out;
    for (const auto& e : j)
        if (e.is_object() && e.contains("field") && e["field"].is_string()) {
            // value() throws when a present member has another type (found by fuzzing).
            const auto text = [&](const char* key) {
                const auto it = e.find(key);
                return it != e.end() && it->is_string() ? it->get<std::string>() : std::string();
            };
            out.push_back({e["field"].get<std::string>(), text("code"), text("message")});
        }
    return out;
}

} // namespace isp::wire
