// Reads typed fields out of a JSON object and records a FieldError for each wrong type
// or missing required field, instead of throwing: a client that sends bad JSON gets a
// list of everything that is wrong, by field name.
#pragma once
#include <cstdint>
#include <limits>
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

// The integer `value` holds, as T: throws nlohmann::json::type_error when it is not an
// integer or does not fit T (nlohmann's own get<T>() casts a float or a wider value with
// undefined behaviour; found by fuzzing). For readers of trusted JSON that throw on a bad shape.
template <class T> T integer_value(const nlohmann::json& value) {
    const bool fits = value.is_number_unsigned()
                          ? value.get<std::uint64_t>() <= static_cast<std::uint64_t>(std::numeric_limits<T>::max())
                          : value.is_number_integer() && value.get<std::int64_t>() >= std::numeric_limits<T>::min() &&
                                value.get<std::int64_t>() <= std::numeric_limits<T>::max();
    if (!fits)
        throw nlohmann::json::type_error::create(302, "an integer in range was expected", &value);
    return static_cast<T>(value.get<std::int64_t>());
}

// The integer at `key` as T (integer_value), or `fallback` when the key is absent.
template <class T> T integer_or(const nlohmann::json& object, const char* key, T fallback) {
    const auto it = object.find(key);
    return it == object.end() ? fallback : integer_value<T>(*it);
}

// The staff API writes its field errors in English: staff clients translate them by code.
inline constexpr Language staff_language = Language::English;

Language parse_language(std::string_view text); // "en" -> English, anything else French
std::string_view to_string(Language language);  // "fr", "en"

} // namespace isp::wire
