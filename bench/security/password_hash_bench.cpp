// password_hash_bench: how long one Argon2id hash and one verification take on this machine
// (issue #12), at the default parameters, at OWASP's minimum and at the tests' parameters,
// next to one SHA-256 of the same password from the same run as a reference. The time of a
// sign-in is the verify column; the hash column is paid again when needs_rehash says so.
// Not a test: run by hand (build/bench/security/password_hash_bench [runs]).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "server/security/password_hash.h"
#include "server/security/random_id.h"

namespace {

using Clock = std::chrono::steady_clock;

template <typename F> double median_ms(int runs, F&& work) {
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        work();
        times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

} // namespace

int main(int argc, char** argv) {
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 15;
    const std::string password = "correct horse battery staple";
    struct Case {
        const char* name;
        isp::security::PasswordHashParams params;
    };
    const Case cases[] = {
        {"default (RFC 9106 option 2, 1 lane)", {}},
        {"OWASP minimum", {19456, 2, 1}},
        {"tests", {8192, 1, 1}},
    };

    // A thousand digests per run, so the reference is above the clock's resolution.
    const double sha256_ms = median_ms(runs,
                                       [&] {
                                           for (int i = 0; i < 1000; ++i)
                                               (void)isp::security::sha256_hex(password);
                                       }) /
                             1000;

    std::printf("Argon2id, median of %d runs, wall time in ms (one password of %zu bytes)\n", runs, password.size());
    std::printf("%-38s %10s %9s %9s %14s\n", "parameters", "m (KiB)", "hash", "verify", "x SHA-256");
    for (const Case& c : cases) {
        std::string encoded;
        const double hash_ms = median_ms(runs, [&] { encoded = isp::security::hash_password(password, c.params); });
        bool ok = true;
        const double verify_ms = median_ms(runs, [&] { ok = isp::security::verify_password(encoded, password) && ok; });
        if (!ok) {
            std::fprintf(stderr, "password_hash_bench: a verification failed\n");
            return 1;
        }
        std::printf("%-38s %10u %9.1f %9.1f %14.0f\n", c.name, c.params.memory_kib, hash_ms, verify_ms,
                    verify_ms / sha256_ms);
        std::printf("  t=%u p=%u: %s\n", c.params.iterations, c.params.lanes, encoded.c_str());
    }
    std::printf("%-38s %10s %9.4f %9s\n", "reference: one SHA-256 (sha256_hex)", "-", sha256_ms, "-");
    return 0;
}
