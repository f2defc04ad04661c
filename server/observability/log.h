// The server's log: one JSON object per line on stderr, each line written whole (one
// fwrite under a lock), so lines from concurrent requests never interleave. Callers give
// the fields; this adds `time` (UTC, milliseconds) and `level` in front. What a line may
// hold is the caller's care: ids, route patterns, statuses - never personal data or secrets.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace isp::observability {

enum class LogLevel { error = 0, warn = 1, info = 2, debug = 3 };

// "error", "warn", "info", "debug"; nullopt for anything else.
std::optional<LogLevel> parse_log_level(std::string_view name);
const char* log_level_name(LogLevel level);

// Process-wide: one process, one stderr. Lines above this level are dropped (default info).
void set_log_level(LogLevel level);
bool log_enabled(LogLevel level);

// Writes {"time": ..., "level": ..., <fields>} as one line, if `level` is enabled.
// `fields`: an object of strings, numbers and booleans (any other value is written as its JSON text,
// in a string); invalid UTF-8 is replaced, never thrown on.
void log(LogLevel level, const nlohmann::ordered_json& fields);

// The same line, built field by field into one string: no JSON object is made, so the
// access line (one per request) costs little. Strings are escaped by nlohmann/json's
// serializer, as above. Check log_enabled() before building one.
class LogLine {
public:
    explicit LogLine(LogLevel level);
    LogLine& add(std::string_view key, std::string_view value);
    LogLine& add(std::string_view key, std::int64_t value);
    LogLine& add(std::string_view key, double value);
    LogLine& add(std::string_view key, bool value);
    // Without it a string literal would pick the bool overload (a standard conversion).
    LogLine& add(std::string_view key, const char* value) { return add(key, std::string_view(value)); }
    void write(); // the line, whole, to stderr

private:
    void key(std::string_view name);
    std::string text_;
};

// Wall-clock "2026-11-23T10:00:00.123Z".
std::string utc_timestamp_ms();

} // namespace isp::observability
