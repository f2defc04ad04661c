#include "server/observability/log.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>

namespace isp::observability {
namespace {

std::atomic<int> current_level{static_cast<int>(LogLevel::info)};
std::mutex stderr_mutex;

} // namespace

std::optional<LogLevel> parse_log_level(std::string_view name) {
    if (name == "error")
        return LogLevel::error;
    if (name == "warn")
        return LogLevel::warn;
    if (name == "info")
        return LogLevel::info;
    if (name == "debug")
        return LogLevel::debug;
    return std::nullopt;
}

const char* log_level_name(LogLevel level) {
    switch (level) {
    case LogLevel::error: return "error";
    case LogLevel::warn: return "warn";
    case LogLevel::info: return "info";
    case LogLevel::debug: return "debug";
    }
    return "info";
}

void set_log_level(LogLevel level) {
    current_level.store(static_cast<int>(level), std::memory_order_relaxed);
}

bool log_enabled(LogLevel level) {
    return static_cast<int>(level) <= current_level.load(std::memory_order_relaxed);
}

// Log times are the real wall clock, not the server's injectable Clock: that one may be
// frozen (--fixed-time demos, tests), and a log must say when things happened, to be
// lined up with the proxy's logs and the host's.
std::string utc_timestamp_ms() {
    const auto now = std::chrono::system_clock::now();
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
    const std::time_t seconds = static_cast<std::time_t>(ms / 1000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[96]; // room for any int the format could print: the compiler checks
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900, utc.tm_mon + 1,
                  utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, static_cast<int>(ms % 1000));
    return text;
}

void log(LogLevel level, const nlohmann::ordered_json& fields) {
    if (!log_enabled(level))
        return;
    LogLine line(level);
    for (const auto& [key, value] : fields.items())
        if (value.is_string())
            line.add(key, value.get_ref<const std::string&>());
        else if (value.is_boolean())
            line.add(key, value.get<bool>());
        else if (value.is_number_integer())
            line.add(key, value.get<std::int64_t>());
        else if (value.is_number())
            line.add(key, value.get<double>());
        else
            line.add(key, value.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
    line.write();
}

LogLine::LogLine(LogLevel level) {
    text_.reserve(256);
    text_ += "{";
    add("time", utc_timestamp_ms());
    add("level", log_level_name(level));
}

void LogLine::key(std::string_view name) {
    if (text_.size() > 1)
        text_ += ',';
    text_ += '"';
    text_ += name; // our own names: nothing to escape
    text_ += "\":";
}

LogLine& LogLine::add(std::string_view name, std::string_view value) {
    key(name);
    // nlohmann/json's own escaping (quotes, backslashes, control characters; invalid
    // UTF-8 replaced), of the string alone.
    text_ += nlohmann::json(value).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return *this;
}

LogLine& LogLine::add(std::string_view name, std::int64_t value) {
    key(name);
    text_ += std::to_string(value);
    return *this;
}

LogLine& LogLine::add(std::string_view name, double value) {
    key(name);
    char number[32];
    std::snprintf(number, sizeof number, "%.3f", value);
    text_ += number;
    return *this;
}

LogLine& LogLine::add(std::string_view name, bool value) {
    key(name);
    text_ += value ? "true" : "false";
    return *this;
}

void LogLine::write() {
    text_ += "}\n";
    std::lock_guard lock(stderr_mutex);
    std::fwrite(text_.data(), 1, text_.size(), stderr);
    std::fflush(stderr);
}

} // namespace isp::observability
