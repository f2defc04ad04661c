#include "shared/wire/json_reader.h"

#include <limits>

#include "shared/signup/messages.h"

namespace isp::wire {

JsonReader::JsonReader(const nlohmann::json& object, FieldErrors& errors, Language language, std::string prefix)
    : object_(object), errors_(errors), language_(language), prefix_(std::move(prefix)) {}

bool JsonReader::has(std::string_view key) const {
    return object_.is_object() && object_.contains(key) && !object_.at(std::string{key}).is_null();
}

void JsonReader::add_error(std::string_view key, std::string code) {
    errors_.push_back(field_error(prefix_ + std::string{key}, std::move(code), language_));
}

const nlohmann::json* JsonReader::find(std::string_view key, bool required) {
    if (object_.is_object()) {
        auto it = object_.find(key);
        if (it != object_.end() && !it->is_null())
            return &*it;
    }
    if (required)
        add_error(key, "required");
    return nullptr;
}

bool JsonReader::string(std::string_view key, std::string& out, bool required) {
    const nlohmann::json* v = find(key, required);
    if (!v)
        return false;
    if (!v->is_string()) {
        add_error(key, "invalid_type");
        return false;
    }
    out = v->get<std::string>();
    return true;
}

bool JsonReader::integer(std::string_view key, long long& out, bool required) {
    const nlohmann::json* v = find(key, required);
    if (!v)
        return false;
    if (!v->is_number_integer()) {
        add_error(key, "invalid_type");
        return false;
    }
    if (v->is_number_unsigned() &&
        v->get<unsigned long long>() > static_cast<unsigned long long>(std::numeric_limits<long long>::max())) {
        add_error(key, "invalid_type");
        return false;
    }
    out = v->get<long long>();
    return true;
}

bool JsonReader::integer(std::string_view key, int& out, bool required) {
    long long wide = 0;
    if (!integer(key, wide, required))
        return false;
    if (wide < std::numeric_limits<int>::min() || wide > std::numeric_limits<int>::max()) {
        add_error(key, "invalid_type");
        return false;
    }
    out = static_cast<int>(wide);
    return true;
}

bool JsonReader::boolean(std::string_view key, bool& out, bool required) {
    const nlohmann::json* v = find(key, required);
    if (!v)
        return false;
    if (!v->is_boolean()) {
        add_error(key, "invalid_type");
        return false;
    }
    out = v->get<bool>();
    return true;
}

Language parse_language(std::string_view text) {
    return text.rfind("en", 0) == 0 ? Language::English : Language::French;
}

std::string_view to_string(Language language) {
    return language == Language::English ? "en" : "fr";
}

} // namespace isp::wire
