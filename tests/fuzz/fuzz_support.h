// Shared by the fuzz harnesses (tests/fuzz/fuzz_*.cpp): a private scratch directory per
// process (SQLite files live there), failing loudly, and the fixed values the seed corpora
// are written against. Header-only: each harness is one translation unit plus this.
#pragma once
#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>

#include <unistd.h>

namespace isp::fuzz {

// 2026-11-23T10:00:00Z, the date the API tests (and the seeds) are written against.
inline constexpr std::int64_t fixed_now = 1795428000;

// A fuzzer found a bug: say what, then abort() so libFuzzer (or ctest) records a crash.
[[noreturn]] inline void fail(std::string_view what, std::string_view detail = {}) {
    std::fprintf(stderr, "\n==fuzz== invariant broken: %.*s\n", static_cast<int>(what.size()), what.data());
    if (!detail.empty())
        std::fprintf(stderr, "==fuzz== %.*s\n", static_cast<int>(std::min<std::size_t>(detail.size(), 4000)),
                     detail.data());
    std::fflush(stderr);
    std::abort();
}

#define ISP_FUZZ_CHECK(cond, detail)                                                                                   \
    do {                                                                                                               \
        if (!(cond))                                                                                                   \
            ::isp::fuzz::fail(#cond " (" __FILE__ ":" + std::to_string(__LINE__) + ")", (detail));                     \
    } while (0)

// A named check, for promises whose breach has been reported but not fixed yet: running
// with ISP_FUZZ_KNOWN=name1,name2 skips those (so a long run can look for other bugs).
// Without ISP_FUZZ_KNOWN, as in ctest and CI, every check is on.
inline bool known_issue(std::string_view name) {
    static const std::string known = [] {
        const char* env = std::getenv("ISP_FUZZ_KNOWN");
        return "," + std::string(env ? env : "") + ",";
    }();
    return known.find("," + std::string(name) + ",") != std::string::npos;
}

#define ISP_FUZZ_EXPECT(name, cond, detail)                                                                            \
    do {                                                                                                               \
        if (!(cond) && !::isp::fuzz::known_issue(name))                                                                \
            ::isp::fuzz::fail(std::string(name) + ": " #cond " (" __FILE__ ":" + std::to_string(__LINE__) + ")",       \
                              (detail));                                                                               \
    } while (0)

namespace detail {

inline std::filesystem::path scratch_root() {
    std::error_code ec;
    // tmpfs: SQLite's fsyncs cost nothing there.
    if (std::filesystem::is_directory("/dev/shm", ec) && ::access("/dev/shm", W_OK) == 0)
        return "/dev/shm";
    if (const char* t = std::getenv("TMPDIR"); t && *t)
        return t;
    return "/tmp";
}

inline std::filesystem::path& current_scratch() {
    static std::filesystem::path dir;
    return dir;
}

inline void remove_scratch() {
    std::error_code ec;
    if (!current_scratch().empty())
        std::filesystem::remove_all(current_scratch(), ec);
}

// Directories of earlier runs that crashed (libFuzzer leaves with _Exit, skipping atexit):
// "isp-fuzz-<harness>-<pid>-..." whose process no longer exists.
inline void remove_stale(const std::filesystem::path& root) {
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(root, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind("isp-fuzz-", 0) != 0)
            continue;
        const auto dash = name.find('-', 9);
        if (dash == std::string::npos)
            continue;
        const long pid = std::strtol(name.c_str() + dash + 1, nullptr, 10);
        if (pid <= 0 || pid == static_cast<long>(::getpid()))
            continue;
        if (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH)
            std::filesystem::remove_all(entry.path(), ec);
    }
}

} // namespace detail

// A fresh directory for this process, removed at exit: <root>/isp-fuzz-<harness>-<pid>-XXXXXX.
inline std::string make_scratch_dir(std::string_view harness) {
    const auto root = detail::scratch_root();
    detail::remove_stale(root);
    std::string templ =
        (root / ("isp-fuzz-" + std::string(harness) + "-" + std::to_string(::getpid()) + "-XXXXXX")).string();
    if (!::mkdtemp(templ.data()))
        fail("cannot create a scratch directory", templ);
    if (detail::current_scratch().empty())
        std::atexit(detail::remove_scratch);
    detail::current_scratch() = templ; // one per process; a second call replaces the first
    return templ;
}

} // namespace isp::fuzz
