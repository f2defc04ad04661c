#include "server/services/client_identity.h"

#include <algorithm>

#include "server/clock/clock.h"
#include "server/config/server_config.h"
#include "server/security/signed_token.h"
#include "server/services/failure.h"
#include "server/store/client_store.h"
#include "shared/domain/cin.h"
#include "shared/domain/service_identifier.h"
#include "shared/domain/text.h"
#include "shared/signup/messages.h"
#include "shared/signup/proof_of_identity.h"
#include "shared/wire/problem_codes.h"

namespace isp::services {
namespace {

constexpr std::string_view lookup_purpose = "lookup";
constexpr std::string_view device_purpose = "device";
constexpr std::int64_t device_token_ttl_seconds = 180LL * 24 * 3600;

bool valid_client_id(std::string_view id) {
    if (id.size() < 5 || id.size() > 40 || id.substr(0, 4) != "cli_")
        return false;
    return std::all_of(id.begin() + 4, id.end(),
                       [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '_'; });
}

Failure invalid_token() {
    return Failure(FailureKind::Unauthenticated, wire::problem::lookup_token_invalid,
                   "This lookup token is not valid. Verify your identity again (CIN and line number).");
}

} // namespace

ClientIdentity::ClientIdentity(const ServerConfig& config, const security::TokenSigner& signer, const Clock& clock)
    : config_(config), signer_(signer), clock_(clock),
      failures_(clock, config.verify_max_failures, config.verify_window_seconds, "identity_checks") {}

LookupToken ClientIdentity::issue(std::string_view client_id) const {
    const std::int64_t expires = clock_.now_unix() + config_.lookup_token_ttl_seconds;
    return {std::string(client_id) + "." + signer_.sign(lookup_purpose, client_id, expires),
            Clock::iso_timestamp(expires)};
}

std::string ClientIdentity::client_of(std::string_view token) const {
    const auto dot = token.find('.');
    if (dot == std::string_view::npos || !valid_client_id(token.substr(0, dot)))
        throw invalid_token();
    const std::string_view client_id = token.substr(0, dot);
    switch (signer_.verify(token.substr(dot + 1), lookup_purpose, client_id, clock_.now_unix())) {
    case security::TokenSigner::Check::Valid: return std::string(client_id);
    case security::TokenSigner::Check::Expired:
        throw Failure(FailureKind::Unauthenticated, wire::problem::lookup_token_expired,
                      "This lookup token has expired. Verify your identity again (CIN and line number).");
    case security::TokenSigner::Check::Invalid: break;
    }
    throw invalid_token();
}

Client ClientIdentity::client_for_cin(store::Connection& c, std::string_view token, std::string_view cin_text) const {
    const std::string client_id = client_of(token);
    // The token's own client is read and its CIN compared: another client's CIN and one
    // nobody has cost the same, so the answer's time tells nothing about the CIN asked for.
    const auto cin = normalize_cin(cin_text);
    auto client = store::find_client(c, client_id);
    if (!client || !cin || client->cin != *cin)
        throw Failure(FailureKind::Forbidden, wire::problem::lookup_token_mismatch,
                      "This lookup token does not open this CIN. Verify your identity again.");
    return *client;
}

Client ClientIdentity::verify(store::Connection& c, std::string_view remote_addr, std::string_view cin_text,
                              std::string_view identifier_text, std::string_view device_token, Language lang) {
    // Malformed input is refused before anything is looked up: it reveals nothing.
    CheckedProof proof = check_proof_of_identity(cin_text, identifier_text, lang);
    const std::optional<std::string>& cin = proof.cin;
    const std::optional<std::string>& identifier = proof.service_identifier;
    FieldErrors& errors = proof.errors;
    if (!errors.empty())
        throw Failure(FailureKind::Invalid, wire::problem::validation_failed,
                      lang == Language::French ? "Certains champs sont invalides ; voir errors."
                                               : "Some fields are invalid; see errors.",
                      std::move(errors));

    // Failures are counted, and refused past the limit, per key (see docs/security.md):
    //  - from a device that has already proven this CIN (its device token): that device
    //    alone, so nobody else's failures can lock the customer out of their own device;
    //  - from anywhere else: the address (one address guessing many CINs) and the CIN (many
    //    addresses guessing one CIN).
    // The attempt counts as a failure until it is known to have succeeded.
    const bool known_device =
        !device_token.empty() &&
        signer_.verify(device_token, device_purpose, *cin, clock_.now_unix()) == security::TokenSigner::Check::Valid;
    const std::string device_key = "device:" + std::string(device_token);
    const std::string address_key = "addr:" + std::string(remote_addr);
    const std::string cin_key = "cin:" + *cin;
    std::int64_t attempt = 0;
    const auto wait = known_device ? failures_.begin_attempt({device_key}, attempt)
                                   : failures_.begin_attempt({address_key, cin_key}, attempt);
    if (wait)
        throw too_many_attempts(*wait, lang);

    // One lookup whose cost does not depend on whether the CIN is a client's.
    if (auto client = store::find_client_by_proof(c, *cin, *identifier)) {
        if (known_device)
            failures_.forgive({device_key}, attempt);
        else
            failures_.forgive({address_key, cin_key}, attempt);
        return *client;
    }
    throw Failure(FailureKind::Unauthenticated, wire::problem::verification_failed,
                  std::string(validation_message("verification_failed", lang)));
}

DeviceToken ClientIdentity::issue_device_token(const Client& client) const {
    return {signer_.sign(device_purpose, client.cin, clock_.now_unix() + device_token_ttl_seconds),
            device_token_ttl_seconds};
}

} // namespace isp::services
