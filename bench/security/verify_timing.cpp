// verify_timing: does verify-cin take longer for a customer's CIN than for a stranger's?
// (issue #16, finding 6). Each round starts a real server on loopback (demo data, limits
// raised so no answer is a 429) and sends, in a shuffled order, 2,000 proofs with a
// customer's CIN and 2,000 with a CIN nobody has, both with a line nobody has; it prints
// the median of each, their difference and its 95 % bootstrap interval. An interval that
// holds 0 means no difference can be told apart from noise. Not a test: run by bench/run
// (section 6) or by hand (build/bench/security/verify_timing [rounds] [samples]).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "server/app/server.h"
#include "server/config/server_config.h"

namespace {

double median(std::vector<double> v) {
    std::nth_element(v.begin(), v.begin() + static_cast<long>(v.size() / 2), v.end());
    return v[v.size() / 2];
}

struct Interval {
    double low, high;
};

// 95 % percentile-bootstrap interval of median(a) - median(b).
Interval bootstrap(const std::vector<double>& a, const std::vector<double>& b, std::mt19937_64& rng) {
    std::vector<double> diffs, ra(a.size()), rb(b.size());
    std::uniform_int_distribution<std::size_t> pick_a(0, a.size() - 1), pick_b(0, b.size() - 1);
    for (int i = 0; i < 2000; ++i) {
        for (auto& x : ra)
            x = a[pick_a(rng)];
        for (auto& x : rb)
            x = b[pick_b(rng)];
        diffs.push_back(median(ra) - median(rb));
    }
    std::sort(diffs.begin(), diffs.end());
    return {diffs[50], diffs[1949]};
}

} // namespace

int main(int argc, char** argv) {
    const int rounds = argc > 1 ? std::atoi(argv[1]) : 4;
    const int samples = argc > 2 ? std::atoi(argv[2]) : 2000;
    std::mt19937_64 rng(16);
    std::vector<double> all_known, all_unknown;
    std::printf("verify-cin, %d rounds x (%d + %d) samples: a customer's CIN vs nobody's, both with a line nobody "
                "has (microseconds at the client, loopback, keep-alive)\n",
                rounds, samples, samples);
    for (int round = 1; round <= rounds; ++round) {
        const auto dir = std::filesystem::temp_directory_path() / ("isp-verify-timing-" + std::to_string(round));
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
        isp::ServerConfig config;
        config.db_path = (dir / "portal.db").string();
        config.port = 0;
        config.demo = true;
        config.fixed_time = 1795428000;
        config.verify_max_failures = 100'000'000;
        isp::Server server(config);
        const int port = server.bind();
        std::thread serving([&] { server.serve(); });
        server.wait_until_ready();

        httplib::Client client("127.0.0.1", port);
        client.set_keep_alive(true);
        const std::string known = R"({"cin":"AB123456","service_identifier":"0699999999"})";
        const std::string unknown = R"({"cin":"ZZ999999","service_identifier":"0699999999"})";
        std::vector<int> order(2 * static_cast<std::size_t>(samples));
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = i % 2;
        std::shuffle(order.begin(), order.end(), rng);
        std::vector<double> t_known, t_unknown;
        const auto send = [&](const std::string& body) {
            const auto start = std::chrono::steady_clock::now();
            auto res = client.Post("/api/v1/landing/clients/verify-cin", body, "application/json");
            const double us =
                std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count();
            if (!res || res->status != 401) {
                std::fprintf(stderr, "verify_timing: unexpected answer %d\n", res ? res->status : -1);
                std::exit(1);
            }
            return us;
        };
        for (int i = 0; i < 300; ++i) // warm-up: caches, prepared statements, the limiter's keys
            send(i % 2 ? known : unknown);
        for (int which : order)
            (which ? t_known : t_unknown).push_back(send(which ? known : unknown));

        const Interval ci = bootstrap(t_known, t_unknown, rng);
        std::printf("  round %d: customer's CIN median %.1f us, nobody's %.1f us, difference %+.2f us, 95%% "
                    "interval [%+.2f, %+.2f]%s\n",
                    round, median(t_known), median(t_unknown), median(t_known) - median(t_unknown), ci.low, ci.high,
                    ci.low <= 0 && ci.high >= 0 ? " (holds 0)" : "");
        all_known.insert(all_known.end(), t_known.begin(), t_known.end());
        all_unknown.insert(all_unknown.end(), t_unknown.begin(), t_unknown.end());
        server.stop();
        serving.join();
        std::filesystem::remove_all(dir);
    }
    const Interval ci = bootstrap(all_known, all_unknown, rng);
    std::printf("  all rounds: difference %+.2f us, 95%% interval [%+.2f, %+.2f]%s\n",
                median(all_known) - median(all_unknown), ci.low, ci.high,
                ci.low <= 0 && ci.high >= 0 ? " (holds 0)" : "");
    return 0;
}
