// Fuzz harness `http`: raw bytes a client sends on one connection, through the server's
// own request handling, in process (isp::Server::handle_connection_bytes: parsing,
// limits, routing, handlers, SQLite). One server on a demo database (clients, contracts,
// three months of invoices and payments) in a private directory on tmpfs, with the clock
// frozen and the rate limits out of the way, is reused for every input, and replaced by
// a fresh one every ISP_FUZZ_HTTP_RESET inputs (default 20000) so what the inputs create
// does not pile up (ISP_FUZZ_HTTP_VERBOSE=1 prints each response's status, =2 the responses). Checks: nothing crashes;
// the answer, when there is one, starts with "HTTP/1.1 "; and no response is a 500 (an exception no handler expected: a
// bug).
//
// To reach past authentication and identity checks, the database is prepared with a
// known signing key and known staff tokens before the server opens it, so the seeds
// (tests/fuzz/corpus/http/, written by tests/fuzz/make_corpus.py) carry working bearer
// tokens, lookup tokens and contract document links. Ids the demo draws at random are
// written in inputs as markers, replaced before the bytes are handled:
//   $INV1$ $INV2$ $INV3$   invoices (oldest, an unpaid one, newest)
//   $CASE1$                a collection case
//   $INVTOKEN1$            a valid document token for $INV1$
// (the seeds' Content-Length counts the values' lengths, which are fixed: ids are random
// but not their length).
#include <cctype>
#include <climits>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fuzz_support.h"
#include "server/app/config.h"
#include "server/app/server.h"
#include "server/config/operator_profile.h"
#include "server/security/random_id.h"
#include "server/security/signed_token.h"
#include "server/store/database.h"
#include "server/store/staff_token_store.h"

namespace {

// Also in tests/fuzz/make_corpus.py and fuzz_tokens.cpp.
constexpr const char* signing_key = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
struct KnownToken {
    const char* token_id;
    const char* roles;
    const char* secret;
    bool revoked;
};
constexpr KnownToken known_tokens[] = {
    {"stk_fuzzadmin", "admin", "pst_stk_fuzzadmin_fuzzadminsecret0000000000000000000000", false},
    {"stk_fuzzops", "ops", "pst_stk_fuzzops_fuzzopssecret000000000000000000000000000", false},
    {"stk_fuzzrevoked", "ops", "pst_stk_fuzzrevoked_fuzzrevokedsecret00000000000000000000", true},
};

std::string first_text(isp::store::Connection& c, const char* sql) {
    auto st = c.prepare(sql);
    return st.step() ? st.text(0) : std::string("none");
}

class Fixture {
public:
    Fixture() : root_(isp::fuzz::make_scratch_dir("http")) {
        if (const char* every = std::getenv("ISP_FUZZ_HTTP_RESET"); every && std::atol(every) > 0)
            reset_every_ = static_cast<std::size_t>(std::atol(every));
        start();
    }

    std::string handle(std::string_view input) {
        if (++runs_ % reset_every_ == 0)
            start();
        return server_->handle_connection_bytes(substitute(input));
    }

private:
    void start() {
        server_.reset();
        std::error_code ec;
        if (!dir_.empty())
            std::filesystem::remove_all(dir_, ec);
        dir_ = root_ + "/gen" + std::to_string(generation_++);
        std::filesystem::create_directories(dir_);

        isp::ServerConfig config;
        config.db_path = dir_ + "/portal.db";
        config.demo = true;
        config.demo_billing_history = true;
        config.fixed_time = isp::fuzz::fixed_now;
        config.threads = 1;
        config.verify_max_failures = INT_MAX;
        config.landing_writes_per_minute = INT_MAX;
        // An access line per fuzzed request would drown the fuzzer's own output and slow it;
        // store errors and unhandled exceptions (error) are still written.
        config.log_level = isp::observability::LogLevel::error;
        if (const std::string error = isp::load_operator_files(config.operator_profile, true); !error.empty())
            isp::fuzz::fail("operator files", error);

        // The signing key and staff tokens the seeds were written with, before the server
        // opens the file (it keeps a signing key it finds).
        {
            isp::store::Database db(config.db_path);
            db.write([&](isp::store::Connection& c) {
                const std::string now = "2026-11-23T10:00:00Z";
                c.prepare("INSERT INTO server_secrets (name, value, created_at) VALUES (?1, ?2, ?3)")
                    .bind("token_signing_key", signing_key, now)
                    .run();
                for (const KnownToken& t : known_tokens) {
                    isp::store::insert_staff_token(c,
                                                   {t.token_id, t.token_id, t.roles, now, std::nullopt, std::nullopt},
                                                   isp::security::sha256_hex(t.secret));
                    if (t.revoked)
                        isp::store::revoke_staff_token(c, t.token_id, now);
                }
            });
        }
        server_ = std::make_unique<isp::Server>(config);

        // Collection cases open on the first collections read.
        (void)server_->handle_connection_bytes("GET /api/v1/collections/cases HTTP/1.1\r\nHost: fuzz\r\n"
                                               "Authorization: Bearer " +
                                               std::string(known_tokens[0].secret) + "\r\nConnection: close\r\n\r\n");
        isp::store::Connection c(config.db_path, true);
        const std::string inv1 = first_text(c, "SELECT invoice_id FROM invoices ORDER BY invoice_number LIMIT 1");
        const std::string inv2 = first_text(c, "SELECT invoice_id FROM invoices WHERE status <> 'paid' "
                                               "ORDER BY invoice_number LIMIT 1");
        const std::string inv3 = first_text(c, "SELECT invoice_id FROM invoices ORDER BY invoice_number DESC LIMIT 1");
        const std::string case1 = first_text(c, "SELECT case_id FROM collection_cases ORDER BY case_id LIMIT 1");
        const isp::security::TokenSigner signer(signing_key);
        const std::string token1 = signer.sign("invoice-document", inv1, isp::fuzz::fixed_now + 86400);
        markers_ = {{"$INV1$", inv1}, {"$INV2$", inv2}, {"$INV3$", inv3}, {"$CASE1$", case1}, {"$INVTOKEN1$", token1}};
        // The seeds' Content-Length counts the values, not the markers (make_corpus.py,
        // MARKER_LENGTHS): the values must keep these lengths.
        const std::size_t lengths[] = {20, 20, 20, 24, 54};
        for (std::size_t i = 0; i < markers_.size(); ++i)
            if (markers_[i].second.size() != lengths[i])
                isp::fuzz::fail("the length of " + markers_[i].first + " changed; update make_corpus.py",
                                markers_[i].second);
    }

    std::string substitute(std::string_view in) const {
        std::string out;
        out.reserve(in.size() + 64);
        std::size_t i = 0;
        while (i < in.size()) {
            if (in[i] == '$') {
                bool replaced = false;
                for (const auto& [marker, value] : markers_) {
                    if (in.substr(i, marker.size()) == marker) {
                        out += value;
                        i += marker.size();
                        replaced = true;
                        break;
                    }
                }
                if (replaced)
                    continue;
            }
            out += in[i++];
        }
        return out;
    }

    std::string root_;
    std::string dir_;
    int generation_ = 0;
    std::size_t runs_ = 0;
    std::size_t reset_every_ = 20000;
    std::unique_ptr<isp::Server> server_;
    std::vector<std::pair<std::string, std::string>> markers_;
};

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}

// The status of every response in `out`, read one after the other: status line, headers,
// then a body of Content-Length bytes (or chunked). A response to HEAD announces a length
// but has no body: when the bytes after the headers are already the next response, it is
// taken as bodiless. Anything that does not parse ends the walk with status 0.
std::vector<int> statuses(std::string_view out) {
    constexpr std::string_view prefix = "HTTP/1.1 ";
    std::vector<int> found;
    std::size_t pos = 0;
    while (pos < out.size()) {
        if (out.substr(pos, prefix.size()) != prefix || pos + prefix.size() + 4 > out.size()) {
            found.push_back(0);
            break;
        }
        int status = 0;
        for (std::size_t i = 0; i < 3; ++i) {
            const char c = out[pos + prefix.size() + i];
            if (c < '0' || c > '9') {
                status = -1;
                break;
            }
            status = status * 10 + (c - '0');
        }
        if (status < 0 || out[pos + prefix.size() + 3] != ' ') {
            found.push_back(0);
            break;
        }
        found.push_back(status);
        const std::size_t head_end = out.find("\r\n\r\n", pos);
        if (head_end == std::string_view::npos) {
            found.push_back(0);
            break;
        }
        std::size_t length = 0;
        bool chunked = false;
        for (std::size_t line = out.find("\r\n", pos) + 2; line < head_end + 2;) {
            const std::size_t eol = out.find("\r\n", line);
            const std::string_view header = out.substr(line, eol - line);
            const std::size_t colon = header.find(':');
            if (colon != std::string_view::npos) {
                const std::string_view name = header.substr(0, colon);
                std::string_view value = header.substr(colon + 1);
                while (!value.empty() && value.front() == ' ')
                    value.remove_prefix(1);
                if (iequals(name, "Content-Length"))
                    length = static_cast<std::size_t>(std::strtoull(std::string(value).c_str(), nullptr, 10));
                else if (iequals(name, "Transfer-Encoding") && value.find("chunked") != std::string_view::npos)
                    chunked = true;
            }
            line = eol + 2;
        }
        std::size_t body = head_end + 4;
        const bool bodiless = status < 200 || status == 204 || status == 304 ||
                              out.substr(body, prefix.size()) == prefix || body == out.size();
        if (bodiless && (body == out.size() || out.substr(body, prefix.size()) == prefix)) {
            pos = body;
        } else if (chunked) {
            while (true) { // <hex>\r\n<data>\r\n ... 0\r\n\r\n
                const std::size_t eol = out.find("\r\n", body);
                if (eol == std::string_view::npos)
                    return found;
                const std::size_t n = std::strtoull(std::string(out.substr(body, eol - body)).c_str(), nullptr, 16);
                body = eol + 2 + n + 2;
                if (n == 0)
                    break;
            }
            pos = body;
        } else {
            pos = body + length;
        }
    }
    return found;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static Fixture fixture;
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const std::string out = fixture.handle(input);
    static const int verbose =
        std::atoi(std::getenv("ISP_FUZZ_HTTP_VERBOSE") ? std::getenv("ISP_FUZZ_HTTP_VERBOSE") : "0");
    if (verbose > 0) // what each response said: for writing and checking seeds
        for (const int status : statuses(out))
            std::fprintf(stderr, "http: %d (%zu bytes in, %zu out)\n", status, size, out.size());
    if (verbose > 1)
        std::fprintf(stderr, "%.*s\n", static_cast<int>(std::min<std::size_t>(out.size(), 4000)), out.data());
    if (out.empty())
        return 0;
    ISP_FUZZ_CHECK(out.rfind("HTTP/1.1 ", 0) == 0, out.substr(0, 200));
    for (const int status : statuses(out)) {
        ISP_FUZZ_CHECK(status >= 100 && status <= 599, "a response that does not parse: " + out.substr(0, 2000));
        ISP_FUZZ_CHECK(status != 500, out.substr(0, 2000));
    }
    return 0;
}
