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
    nlohmann::ordered_json line = {{"time", utc_timestamp_ms()}, {"level", log_level_name(level)}};
    for (const auto& [key, value] : fields.items())
        line[key] = value;
    std::string text = line.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    text += '\n';
    std::lock_guard lock(stderr_mutex);
    std::fwrite(text.data(), 1, text.size(), stderr);
    std::fflush(stderr);
}

} // namespace isp::observability
