#include "shared/wire/verification_json.h"

#include "shared/wire/json_reader.h"

namespace isp::wire {

nlohmann::json to_json(const VerifyCinRequest& r) {
    return {
        {"cin", r.cin}, {"service_identifier", r.service_identifier}, {"language", std::string{to_string(r.language)}}};
}

VerifyCinRequest verify_cin_request_from_json(const nlohmann::json& j, FieldErrors& errors, Language language) {
    VerifyCinRequest r;
    r.language = language;
    JsonReader reader(j, errors, language);
    reader.string("cin", r.cin);
    reader.string("service_identifier", r.service_identifier);
    return r;
}

nlohmann::json to_json(const Verification& v) {
    return {{"lookup_token", v.lookup_token},
            {"expires_at", v.expires_at},
            {"client_id", v.client_id},
            {"first_name", v.first_name}};
}

Verification verification_from_json(const nlohmann::json& j) {
    Verification v;
    v.lookup_token = j.at("lookup_token").get<std::string>();
    v.expires_at = j.value("expires_at", "");
    v.client_id = j.value("client_id", "");
    v.first_name = j.value("first_name", "");
    return v;
}

} // namespace isp::wire
