#include "shared/wire/draft_json.h"

#include "shared/wire/signup_json.h"

namespace isp::wire {

nlohmann::json to_json(const Draft& d) {
    return {{"draft_id", d.draft_id},     {"form", to_json(d.form)},    {"step", d.step},
            {"created_at", d.created_at}, {"updated_at", d.updated_at}, {"expires_at", d.expires_at}};
}

Draft draft_from_json(const nlohmann::json& j) {
    Draft d;
    d.draft_id = j.at("draft_id").get<std::string>();
    FieldErrors ignored; // a draft the server kept is taken as it is
    if (const auto it = j.find("form"); it != j.end() && it->is_object())
        d.form = signup_form_from_json(*it, ignored);
    d.step = j.value("step", "");
    d.created_at = j.value("created_at", "");
    d.updated_at = j.value("updated_at", "");
    d.expires_at = j.value("expires_at", "");
    return d;
}

nlohmann::json draft_request_json(const SignupForm& form, const std::string& step) {
    return {{"form", to_json(form)}, {"step", step}};
}

} // namespace isp::wire
