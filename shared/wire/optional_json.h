// Optional fields on the wire: an absent value is JSON null, and null (or a missing key)
// reads back as nullopt. One rule for every wire file.
#pragma once
#include <optional>
#include <type_traits>

#include <nlohmann/json.hpp>

#include "shared/wire/json_reader.h"

namespace isp::wire {

template <class T> nlohmann::json or_null(const std::optional<T>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

template <class T> std::optional<T> null_or(const nlohmann::json& j, const char* key) {
    const auto it = j.find(key);
    if (it == j.end() || it->is_null())
        return std::nullopt;
    if constexpr (std::is_integral_v<T>)
        return integer_value<T>(*it);
    else
        return it->get<T>();
}

} // namespace isp::wire
