// Reads typed fields out of a JSON object and records a FieldError for each wrong type
// or missing required field, instead of throwing: a client that sends bad JSON gets a
// list of everything that is wrong, by field name.
#pragma once
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "shared/domain/field_error.h"
#include "shared/domain/money.h"

namespace isp::wire {

class JsonReader {
public:
    // `prefix` names a nested object in field names ("subscriber." + "service_identifier").
    JsonReader(const nlohmann::json& object, FieldErrors& errors, Language language, std::string prefix = {});

    bool is_object() const { return object_.is_object(); }
    bool has(std::string_view key) const;

    // Each returns true when the key held a value of the right type (out is set).
    bool string(std::string_view key, std::string& out, bool required = false);
    bool integer(std::string_view key, long long& out, bool required = false);
    bool integer(std::string_view key, int& out, bool required = false);
    bool boolean(std::string_view key, bool& out, bool required = false);

    void add_error(std::string_view key, std::string code);

private:
    const nlohmann::json* find(std::string_view key, bool required);

    const nlohmann::json& object_;
    FieldErrors& errors_;
    Language language_;
    std::string prefix_;
};

Language parse_language(std::string_view text); // "en" -> English, anything else French
std::string_view to_string(Language language);  // "fr", "en"

} // namespace isp::wire
