// The server's only source of time. Injected everywhere a rule needs "now" or "today",
// so billing, expiry and due dates can be tested on any date (--fixed-time, FixedClock).
#pragma once
#include <atomic>
#include <cstdint>
#include <string>

#include "shared/domain/date.h"

namespace isp {

class Clock {
public:
    virtual ~Clock() = default;
    virtual std::int64_t now_unix() const = 0; // seconds since 1970-01-01T00:00:00Z

    Date today_utc() const; // the operator's business day (UTC)
    std::string now_iso() const { return iso_timestamp(now_unix()); }

    static std::string iso_timestamp(std::int64_t unix_seconds); // "2026-11-23T10:00:00Z"
};

class SystemClock final : public Clock {
public:
    std::int64_t now_unix() const override;
};

// A clock that stands still until told otherwise (tests, demos on a chosen date).
class FixedClock final : public Clock {
public:
    explicit FixedClock(std::int64_t unix_seconds) : now_(unix_seconds) {}
    std::int64_t now_unix() const override { return now_.load(); }
    void set(std::int64_t unix_seconds) { now_.store(unix_seconds); }
    void advance(std::int64_t seconds) { now_.fetch_add(seconds); }

private:
    std::atomic<std::int64_t> now_;
};

// "2026-11-23T10:00:00Z" (also accepts a bare date, as midnight) -> unix seconds.
bool parse_iso_timestamp(const std::string& text, std::int64_t& unix_seconds);

} // namespace isp
