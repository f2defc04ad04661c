#include "server/clock/clock.h"

#include <chrono>
#include <cstdio>

namespace isp {

Date Clock::today_utc() const {
    const std::int64_t t = now_unix();
    return Date::from_days(t >= 0 ? t / 86400 : (t - 86399) / 86400);
}

std::string Clock::iso_timestamp(std::int64_t t) {
    const std::int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
    const std::int64_t secs = t - days * 86400;
    const Date d = Date::from_days(days);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", d.year, d.month, d.day,
                  static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60), static_cast<int>(secs % 60));
    return buf;
}

std::int64_t SystemClock::now_unix() const {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

bool parse_iso_timestamp(const std::string& text, std::int64_t& out) {
    const auto date = parse_iso_date(std::string_view(text).substr(0, 10));
    if (!date)
        return false;
    int h = 0, m = 0, s = 0;
    if (text.size() > 10) {
        char z = 0;
        if (text.size() != 20 || std::sscanf(text.c_str() + 10, "T%2d:%2d:%2d%c", &h, &m, &s, &z) != 4 || z != 'Z' ||
            h > 23 || m > 59 || s > 59)
            return false;
    }
    out = date->to_days() * 86400 + h * 3600 + m * 60 + s;
    return true;
}

} // namespace isp
