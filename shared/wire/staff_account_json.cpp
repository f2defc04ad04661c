#include "shared/wire/staff_account_json.h"

#include "shared/signup/messages.h"
#include "shared/wire/json_reader.h"

namespace isp::wire {
namespace {

std::string language_code(Language l) {
    return l == Language::English ? "en" : "fr";
}

nlohmann::json roles_json(const std::vector<StaffRole>& roles) {
    nlohmann::json out = nlohmann::json::array();
    for (StaffRole r : roles)
        out.push_back(std::string(to_string(r)));
    return out;
}

// A JSON array of role names; an error on `roles` when it is not one, or names an unknown role.
std::optional<std::vector<StaffRole>> read_roles(JsonReader& r, const nlohmann::json& body, bool required) {
    if (!r.has("roles")) {
        if (required)
            r.add_error("roles", "required");
        return std::nullopt;
    }
    const nlohmann::json& v = body.at("roles");
    if (!v.is_array()) {
        r.add_error("roles", "invalid_type");
        return std::nullopt;
    }
    std::string names;
    for (const auto& name : v) {
        if (!name.is_string()) {
            r.add_error("roles", "invalid_type");
            return std::nullopt;
        }
        if (!names.empty())
            names += ',';
        names += name.get<std::string>();
    }
    if (v.empty())
        return std::vector<StaffRole>{}; // the rules say "required"
    auto roles = parse_staff_roles(names);
    if (!roles)
        r.add_error("roles", "invalid_staff_role");
    return roles;
}

std::optional<Language> read_language(JsonReader& r) {
    std::string code;
    if (!r.string("language", code))
        return std::nullopt;
    if (code == "fr")
        return Language::French;
    if (code == "en")
        return Language::English;
    r.add_error("language", "invalid_language");
    return std::nullopt;
}

} // namespace

nlohmann::json to_json(const StaffAccount& a) {
    return {{"account_id", a.account_id},
            {"email", a.email},
            {"display_name", a.display_name},
            {"roles", roles_json(a.roles)},
            {"language", language_code(a.language)},
            {"state", a.state == StaffAccountState::Disabled ? "disabled" : "active"},
            {"second_factor", a.second_factor},
            {"created_at", a.created_at},
            {"last_sign_in_at", a.last_sign_in_at ? nlohmann::json(*a.last_sign_in_at) : nlohmann::json()}};
}

StaffAccount staff_account_from_json(const nlohmann::json& j) {
    StaffAccount a;
    a.account_id = j.at("account_id").get<std::string>();
    a.email = j.at("email").get<std::string>();
    a.display_name = j.at("display_name").get<std::string>();
    std::string names;
    for (const auto& r : j.at("roles")) {
        if (!names.empty())
            names += ',';
        names += r.get<std::string>();
    }
    a.roles = parse_staff_roles(names).value_or(std::vector<StaffRole>{});
    a.language = j.at("language").get<std::string>() == "en" ? Language::English : Language::French;
    a.state = j.at("state").get<std::string>() == "disabled" ? StaffAccountState::Disabled : StaffAccountState::Active;
    a.second_factor = j.at("second_factor").get<bool>();
    a.created_at = j.at("created_at").get<std::string>();
    if (j.contains("last_sign_in_at") && j.at("last_sign_in_at").is_string())
        a.last_sign_in_at = j.at("last_sign_in_at").get<std::string>();
    return a;
}

nlohmann::json to_json(const NewStaffAccount& a) {
    return {{"email", a.email},
            {"display_name", a.display_name},
            {"roles", roles_json(a.roles)},
            {"language", language_code(a.language)}};
}

nlohmann::json to_json(const StaffAccountChange& c) {
    nlohmann::json out = nlohmann::json::object();
    if (c.display_name)
        out["display_name"] = *c.display_name;
    if (c.roles)
        out["roles"] = roles_json(*c.roles);
    if (c.language)
        out["language"] = language_code(*c.language);
    if (c.state)
        out["state"] = *c.state == StaffAccountState::Disabled ? "disabled" : "active";
    return out;
}

NewStaffAccount new_staff_account_from_json(const nlohmann::json& body, FieldErrors& errors) {
    NewStaffAccount a;
    JsonReader r(body, errors, staff_language);
    r.string("email", a.email, true);
    r.string("display_name", a.display_name, true);
    if (auto roles = read_roles(r, body, true))
        a.roles = *roles;
    if (auto language = read_language(r))
        a.language = *language;
    return a;
}

StaffAccountChange staff_account_change_from_json(const nlohmann::json& body, FieldErrors& errors) {
    StaffAccountChange c;
    JsonReader r(body, errors, staff_language);
    std::string text;
    if (r.string("display_name", text))
        c.display_name = text;
    c.roles = read_roles(r, body, false);
    c.language = read_language(r);
    if (r.string("state", text)) {
        if (text == "active")
            c.state = StaffAccountState::Active;
        else if (text == "disabled")
            c.state = StaffAccountState::Disabled;
        else
            r.add_error("state", "invalid_account_state");
    }
    return c;
}

nlohmann::json to_json(const PasswordLink& link) {
    return {{"url", link.url}, {"expires_at", link.expires_at}};
}

PasswordLink password_link_from_json(const nlohmann::json& j) {
    return {j.at("url").get<std::string>(), j.at("expires_at").get<std::string>()};
}

nlohmann::json to_json(const StaffAuditEntry& e) {
    return {{"entry_id", e.entry_id},
            {"at", e.at},
            {"event", e.event},
            {"account_id", e.account_id ? nlohmann::json(*e.account_id) : nlohmann::json()},
            {"email", e.email},
            {"actor", e.actor},
            {"client_address", e.client_address},
            {"detail", e.detail}};
}

StaffAuditEntry staff_audit_entry_from_json(const nlohmann::json& j) {
    StaffAuditEntry e;
    e.entry_id = integer_value<std::int64_t>(j.at("entry_id"));
    e.at = j.at("at").get<std::string>();
    e.event = j.at("event").get<std::string>();
    if (j.at("account_id").is_string())
        e.account_id = j.at("account_id").get<std::string>();
    e.email = j.at("email").get<std::string>();
    e.actor = j.at("actor").get<std::string>();
    e.client_address = j.at("client_address").get<std::string>();
    e.detail = j.at("detail").get<std::string>();
    return e;
}

} // namespace isp::wire
