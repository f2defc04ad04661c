// Fuzz harness `tokens`: everything that reads a token someone else sent.
//   - security::TokenSigner::verify for each purpose the server signs (lookup, device,
//     contract-document, invoice-document): never throws; Valid only for the exact
//     subject and purpose it was signed for (the same token is Invalid for any other);
//     Valid/Expired agree with the expiry written in the token and the clock;
//   - services::ClientIdentity::client_of (lookup tokens "<client_id>.<expires>.<mac>"):
//     a client id, or services::Failure 401 lookup_token_invalid / lookup_token_expired,
//     and nothing else; client_for_cin with the same token: a 401/403 failure or the client;
//   - staff bearer tokens "pst_<token_id>_<secret>" (services::find_live_token, which is
//     what http/staff_auth calls with what follows "Bearer "): found only for the exact
//     secret of a live token, never for a revoked one; parse_roles round trips;
//   - document links: ContractDocuments::render_for_token ("<version>.<expires>.<mac>")
//     and InvoiceDocuments::render_for_token ("<expires>.<mac>"): a 404/410 failure or
//     the PDF.
// (Statuses are what http::problem_of makes of a services::Failure.)
// The signing key and the clock are fixed, so the seed corpus holds real, valid tokens
// (tests/fuzz/corpus/tokens/, written by tests/fuzz/make_corpus.py) and the fuzzer starts
// from them. Input: the token, optionally followed by '\n' and a subject (a CIN, a
// contract or invoice id) that replaces the default one.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "fuzz_support.h"
#include "server/app/config.h"
#include "server/clock/clock.h"
#include "server/config/operator_profile.h"
#include "server/demo/demo_seed.h"
#include "server/http/problem.h"
#include "server/security/random_id.h"
#include "server/security/signed_token.h"
#include "server/services/client_identity.h"
#include "server/services/contract_documents.h"
#include "server/services/failure.h"
#include "server/services/invoice_documents.h"
#include "server/services/staff_tokens.h"
#include "server/store/database.h"
#include "server/store/staff_token_store.h"

namespace {

using isp::security::TokenSigner;

// Also in tests/fuzz/make_corpus.py and fuzz_http.cpp.
constexpr const char* signing_key = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
constexpr const char* admin_secret = "pst_stk_fuzzadmin_fuzzadminsecret0000000000000000000000";
constexpr const char* revoked_secret = "pst_stk_fuzzrevoked_fuzzrevokedsecret00000000000000000000";

struct World {
    isp::ServerConfig config;
    isp::FixedClock clock{isp::fuzz::fixed_now};
    TokenSigner signer{signing_key};
    std::unique_ptr<isp::store::Database> db;
    std::unique_ptr<isp::services::ClientIdentity> identity;
    std::unique_ptr<isp::services::ContractDocuments> documents;
    std::unique_ptr<isp::services::InvoiceDocuments> invoice_documents;

    World() {
        const std::string dir = isp::fuzz::make_scratch_dir("tokens");
        config.db_path = dir + "/tokens.db";
        config.demo = true;
        if (const std::string error = isp::load_operator_files(config.operator_profile, true); !error.empty())
            isp::fuzz::fail("operator files", error);
        db = std::make_unique<isp::store::Database>(config.db_path);
        identity = std::make_unique<isp::services::ClientIdentity>(config, signer, clock);
        documents = std::make_unique<isp::services::ContractDocuments>(config, signer, clock);
        invoice_documents = std::make_unique<isp::services::InvoiceDocuments>(config, signer, clock);
        // Demo clients and contracts with their document version 1, so a valid link renders.
        isp::demo::seed_if_empty(*db, clock, *documents, config);
        db->write([&](isp::store::Connection& c) {
            const std::string now = clock.now_iso();
            isp::store::insert_staff_token(c, {"stk_fuzzadmin", "fuzz admin", "admin", now, std::nullopt, std::nullopt},
                                           isp::security::sha256_hex(admin_secret));
            isp::store::insert_staff_token(c,
                                           {"stk_fuzzrevoked", "fuzz revoked", "ops", now, std::nullopt, std::nullopt},
                                           isp::security::sha256_hex(revoked_secret));
            isp::store::revoke_staff_token(c, "stk_fuzzrevoked", now);
        });
    }
};

World& world() {
    static World w;
    return w;
}

// The expiry a well-formed token carries, read the way a person would.
std::optional<std::int64_t> written_expiry(std::string_view token) {
    const auto dot = token.find('.');
    if (dot == std::string_view::npos || dot == 0)
        return std::nullopt;
    std::int64_t v = 0;
    bool negative = false;
    std::size_t i = 0;
    if (token[0] == '-') {
        negative = true;
        i = 1;
    }
    if (i == dot)
        return std::nullopt;
    for (; i < dot; ++i) {
        if (token[i] < '0' || token[i] > '9' || v > (INT64_MAX - 9) / 10)
            return std::nullopt;
        v = v * 10 + (token[i] - '0');
    }
    return negative ? -v : v;
}

void check_signed(std::string_view token, std::string_view purpose, std::string_view subject) {
    const World& w = world();
    const auto now = w.clock.now_unix();
    const TokenSigner::Check check = w.signer.verify(token, purpose, subject, now);
    if (check == TokenSigner::Check::Invalid)
        return;
    const auto expires = written_expiry(token);
    ISP_FUZZ_CHECK(expires.has_value(), std::string(token));
    ISP_FUZZ_CHECK((check == TokenSigner::Check::Valid) == (now < *expires), std::string(token));
    // One spelling only: what sign() writes (no sign, no leading zero, no second form).
    ISP_FUZZ_CHECK(std::string(token) == w.signer.sign(purpose, subject, *expires), std::string(token));
    // The MAC binds the subject and the purpose: the same token opens nothing else.
    const std::string other_subject = std::string(subject) + "x";
    ISP_FUZZ_CHECK(w.signer.verify(token, purpose, other_subject, now) == TokenSigner::Check::Invalid,
                   std::string(token));
    ISP_FUZZ_CHECK(w.signer.verify(token, std::string(purpose) + "x", subject, now) == TokenSigner::Check::Invalid,
                   std::string(token));
    // Another key knows nothing of it.
    const TokenSigner stranger("another key");
    ISP_FUZZ_CHECK(stranger.verify(token, purpose, subject, now) == TokenSigner::Check::Invalid, std::string(token));
}

void check_lookup(std::string_view token, std::string_view cin) {
    World& w = world();
    std::string client_id;
    try {
        client_id = w.identity->client_of(token);
    } catch (const isp::services::Failure& failure) {
        const isp::http::ApiError e = isp::http::problem_of(failure);
        ISP_FUZZ_CHECK(e.status == 401 && (e.code == "lookup_token_invalid" || e.code == "lookup_token_expired"),
                       e.code);
        return;
    }
    // A valid lookup token names its client before the first '.'.
    ISP_FUZZ_CHECK(!client_id.empty() && token.substr(0, client_id.size()) == client_id &&
                       token.size() > client_id.size() && token[client_id.size()] == '.',
                   std::string(token));
    w.db->read([&](isp::store::Connection& c) {
        try {
            const isp::Client client = w.identity->client_for_cin(c, token, cin);
            ISP_FUZZ_CHECK(client.client_id == client_id, std::string(token));
        } catch (const isp::services::Failure& failure) {
            const isp::http::ApiError e = isp::http::problem_of(failure);
            ISP_FUZZ_CHECK(e.status == 401 || e.status == 403, e.code);
        }
    });
}

void check_staff(std::string_view token) {
    World& w = world();
    const auto row = isp::services::find_live_token(*w.db, token);
    if (row) {
        ISP_FUZZ_CHECK(token == admin_secret && row->token.token_id == "stk_fuzzadmin" && !row->token.revoked_at,
                       std::string(token));
    }
    if (const auto roles = isp::services::parse_roles(token)) {
        ISP_FUZZ_CHECK(!roles->empty(), std::string(token));
        const std::string joined = isp::services::join_roles(*roles);
        ISP_FUZZ_CHECK(isp::services::parse_roles(joined) == roles, std::string(token) + " -> " + joined);
    }
}

void check_document_links(std::string_view token, std::string_view contract_id, std::string_view invoice_id) {
    World& w = world();
    w.db->read([&](isp::store::Connection& c) {
        try {
            const std::string pdf = w.documents->render_for_token(c, contract_id, token);
            ISP_FUZZ_CHECK(pdf.rfind("%PDF-", 0) == 0, std::string(token));
        } catch (const isp::services::Failure& failure) {
            const isp::http::ApiError e = isp::http::problem_of(failure);
            ISP_FUZZ_CHECK(e.status == 404 || e.status == 410, e.code);
        }
        try {
            const std::string pdf = w.invoice_documents->render_for_token(c, invoice_id, token);
            ISP_FUZZ_CHECK(pdf.rfind("%PDF-", 0) == 0, std::string(token));
        } catch (const isp::services::Failure& failure) {
            const isp::http::ApiError e = isp::http::problem_of(failure);
            ISP_FUZZ_CHECK(e.status == 404 || e.status == 410, e.code);
        }
    });
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > 1024) // a URL's query or a header: tokens are short
        return 0;
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    std::string_view token = input;
    std::optional<std::string_view> subject;
    if (const auto nl = input.find('\n'); nl != std::string_view::npos) {
        token = input.substr(0, nl);
        subject = input.substr(nl + 1);
    }
    const std::string_view cin = subject.value_or("AB123456");
    const std::string_view contract_id = subject.value_or("ctr_demo_amina");
    const std::string_view invoice_id = subject.value_or("inv_fuzz");

    check_signed(token, "lookup", subject.value_or("cli_demo_amina"));
    check_signed(token, "device", cin);
    check_signed(token, "invoice-document", invoice_id);
    // Contract document links put "<version>." before the signed part.
    if (const auto dot = token.find('.'); dot != std::string_view::npos)
        check_signed(token.substr(dot + 1), "contract-document",
                     std::string(contract_id) + "#" + std::string(token.substr(0, dot)));
    // Lookup tokens put "<client_id>." before it.
    if (const auto dot = token.find('.'); dot != std::string_view::npos)
        check_signed(token.substr(dot + 1), "lookup", token.substr(0, dot));

    check_lookup(token, cin);
    check_staff(token);
    check_document_links(token, contract_id, invoice_id);
    return 0;
}
