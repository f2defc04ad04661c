#include "server/services/client_identity.h"

#include <algorithm>

#include "server/app/config.h"
#include "server/clock/clock.h"
#include "server/http/problem.h"
#include "server/http/rate_limit.h"
#include "server/security/signed_token.h"
#include "server/store/client_store.h"
#include "server/store/contract_store.h"
#include "shared/domain/cin.h"
#include "shared/domain/service_identifier.h"
#include "shared/domain/text.h"
#include "shared/signup/messages.h"

namespace isp::services {
namespace {

constexpr std::string_view purpose = "lookup";

bool valid_client_id(std::string_view id) {
    if (id.size() < 5 || id.size() > 40 || id.substr(0, 4) != "cli_")
        return false;
    return std::all_of(id.begin() + 4, id.end(),
                       [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '_'; });
}

http::ApiError invalid_token() {
    return http::ApiError(401, "lookup_token_invalid",
                          "This lookup token is not valid. Verify your identity again (CIN and line number).");
}

} // namespace

ClientIdentity::ClientIdentity(const ServerConfig& config, const security::TokenSigner& signer, const Clock& clock)
    : config_(config), signer_(signer), clock_(clock),
      failures_(clock, config.verify_max_failures, config.verify_window_seconds) {}

LookupToken ClientIdentity::issue(std::string_view client_id) const {
    const std::int64_t expires = clock_.now_unix() + config_.lookup_token_ttl_seconds;
    return {std::string(client_id) + "." + signer_.sign(purpose, client_id, expires), Clock::iso_timestamp(expires)};
}

std::string ClientIdentity::client_of(std::string_view token) const {
    const auto dot = token.find('.');
    if (dot == std::string_view::npos || !valid_client_id(token.substr(0, dot)))
        throw invalid_token();
    const std::string_view client_id = token.substr(0, dot);
    switch (signer_.verify(token.substr(dot + 1), purpose, client_id, clock_.now_unix())) {
    case security::TokenSigner::Check::Valid: return std::string(client_id);
    case security::TokenSigner::Check::Expired:
        throw http::ApiError(401, "lookup_token_expired",
                             "This lookup token has expired. Verify your identity again (CIN and line number).");
    case security::TokenSigner::Check::Invalid: break;
    }
    throw invalid_token();
}

Client ClientIdentity::client_for_cin(store::Connection& c, std::string_view token, std::string_view cin_text) const {
    const std::string client_id = client_of(token);
    const auto cin = normalize_cin(cin_text);
    auto client = cin ? store::find_client_by_cin(c, *cin) : std::nullopt;
    if (!client || client->client_id != client_id)
        throw http::ApiError(403, "lookup_token_mismatch",
                             "This lookup token does not open this CIN. Verify your identity again.");
    return *client;
}

Client ClientIdentity::verify(store::Connection& c, std::string_view remote_addr, std::string_view cin_text,
                              std::string_view identifier_text, Language lang) {
    // Malformed input is refused before anything is looked up: it reveals nothing.
    FieldErrors errors;
    std::optional<std::string> cin, identifier;
    if (trim(cin_text).empty())
        errors.push_back(field_error("cin", "required", lang));
    else if (!(cin = normalize_cin(cin_text)))
        errors.push_back(field_error("cin", "invalid_cin", lang));
    if (trim(identifier_text).empty())
        errors.push_back(field_error("service_identifier", "required", lang));
    else if (!(identifier = normalize_any_service_identifier(identifier_text)))
        errors.push_back(field_error("service_identifier", "invalid_service_identifier", lang));
    if (!errors.empty())
        throw http::ApiError(400, "validation_failed",
                             lang == Language::French ? "Certains champs sont invalides ; voir errors."
                                                      : "Some fields are invalid; see errors.",
                             std::move(errors));

    // Two keys: one address guessing many CINs, many addresses guessing one CIN. The
    // attempt counts as a failure until it is known to have succeeded.
    const std::string address_key = "addr:" + std::string(remote_addr);
    const std::string cin_key = "cin:" + *cin;
    std::int64_t attempt = 0;
    if (const auto wait = failures_.begin_attempt({address_key, cin_key}, attempt))
        throw http::too_many_attempts(*wait, lang);

    if (const auto client = store::find_client_by_cin(c, *cin)) {
        const auto contracts = store::list_live_contracts_of_client(c, client->client_id);
        if (std::any_of(contracts.begin(), contracts.end(),
                        [&](const Contract& k) { return k.service_identifier == *identifier; })) {
            failures_.forgive({address_key, cin_key}, attempt);
            return *client;
        }
    }
    throw http::ApiError(401, "verification_failed", std::string(validation_message("verification_failed", lang)));
}

} // namespace isp::services
