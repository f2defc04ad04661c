// Calendar dates (no time zone, no clock): parsing, ISO 8601 output and day arithmetic.
// Billing and contract rules work on whole days; "today" is always passed in by the
// caller (the server's injectable clock, or the browser's), never read here.
#pragma once
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace isp {

struct Date {
    int year = 1970;
    int month = 1; // 1..12
    int day = 1;   // 1..31

    auto operator<=>(const Date&) const = default;

    // Days since 1970-01-01 (negative before), proleptic Gregorian calendar.
    std::int64_t to_days() const;
    static Date from_days(std::int64_t days);

    Date plus_days(std::int64_t n) const { return from_days(to_days() + n); }
    // Same day n months later, clamped to the month's last day (Jan 31 + 1 month = Feb 28/29).
    Date plus_months(int n) const;

    std::string to_iso() const; // "2026-02-20"
};

bool is_leap_year(int year);
int days_in_month(int year, int month);

// Strict "YYYY-MM-DD"; nullopt for anything else, including impossible dates (2026-02-30).
std::optional<Date> parse_iso_date(std::string_view text);

// Whole days from a to b (b - a).
inline std::int64_t days_between(const Date& a, const Date& b) {
    return b.to_days() - a.to_days();
}

} // namespace isp
