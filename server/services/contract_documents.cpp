#include "server/services/contract_documents.h"

#include <charconv>

#include "pdf/contract_document.h"
#include "server/clock/clock.h"
#include "server/config/server_config.h"
#include "server/security/signed_token.h"
#include "server/services/document_issuer.h"
#include "server/services/failure.h"
#include "server/store/contract_store.h"
#include "shared/wire/cancellation_json.h"
#include "shared/wire/contract_json.h"
#include "shared/wire/offer_json.h"
#include "shared/wire/problem_codes.h"

namespace isp::services {
namespace {

constexpr std::string_view contract_link_purpose = "contract-document";

std::string subject(std::string_view contract_id, int version) {
    return std::string(contract_id) + "#" + std::to_string(version);
}

// Link tokens read "<version>.<expires>.<mac>": the version says which record it opens.
Failure bad_link() {
    return Failure(FailureKind::NotFound, wire::problem::document_link_invalid,
                   "This document link is not valid. Ask for a new link from the portal.");
}

} // namespace

void ContractDocuments::record_version(store::Connection& c, const Client& client, const Offer& offer,
                                       const Contract& contract,
                                       const std::optional<Cancellation>& cancellation) const {
    // The issuer is part of the record too: a document shows who issued it at the time,
    // with the terms the client signed.
    nlohmann::json snapshot = {{"issuer", record_issuer(c, config_.operator_profile, clock_.now_iso())},
                               {"client", wire::to_json(client)},
                               {"offer", wire::to_json(offer)},
                               {"contract", wire::to_json(contract)}};
    if (cancellation)
        snapshot["cancellation"] = wire::to_json(*cancellation);
    store::insert_contract_document(
        c, {contract.contract_id, contract.document_version, snapshot.dump(), clock_.today_utc().to_iso()},
        clock_.now_iso());
}

DocumentLink ContractDocuments::link(std::string_view contract_id, int version) const {
    const std::int64_t expires = clock_.now_unix() + config_.document_link_ttl_seconds;
    const std::string token =
        std::to_string(version) + "." + signer_.sign(contract_link_purpose, subject(contract_id, version), expires);
    return DocumentLink{"/api/v1/landing/contracts/" + std::string(contract_id) + "/document?token=" + token,
                        Clock::iso_timestamp(expires)};
}

wire::DocumentLink ContractDocuments::current_link(const Contract& contract) const {
    const DocumentLink l = link(contract.contract_id, contract.document_version);
    return wire::DocumentLink{contract.contract_id, contract.document_version, l.url, l.expires_at};
}

std::string ContractDocuments::render_for_token(store::Connection& c, std::string_view contract_id,
                                                std::string_view token) const {
    const auto dot = token.find('.');
    int version = 0;
    if (dot == std::string_view::npos ||
        std::from_chars(token.data(), token.data() + dot, version).ptr != token.data() + dot || version < 1)
        throw bad_link();
    switch (signer_.verify(token.substr(dot + 1), contract_link_purpose, subject(contract_id, version),
                           clock_.now_unix())) {
    case security::TokenSigner::Check::Valid: break;
    case security::TokenSigner::Check::Expired:
        throw Failure(FailureKind::Gone, wire::problem::document_link_expired,
                      "This document link has expired. Ask for a new link from the portal.");
    case security::TokenSigner::Check::Invalid: throw bad_link();
    }
    return render(c, contract_id, version);
}

std::string ContractDocuments::render(store::Connection& c, std::string_view contract_id, int version) const {
    const auto record = store::find_contract_document(c, contract_id, version);
    if (!record)
        throw bad_link();
    const nlohmann::json snapshot = nlohmann::json::parse(record->snapshot);
    pdf::ContractDocument doc;
    RecordedIssuer issuer = read_issuer(c, snapshot.at("issuer"));
    doc.issuer = std::move(issuer.identity);
    doc.terms = std::move(issuer.terms);
    doc.client = wire::client_from_json(snapshot.at("client"));
    doc.offer = wire::offer_from_json(snapshot.at("offer"));
    doc.contract = wire::contract_from_json(snapshot.at("contract"));
    if (const auto it = snapshot.find("cancellation"); it != snapshot.end())
        doc.cancellation = wire::cancellation_from_json(*it);
    doc.produced_on = record->produced_on;
    doc.language = doc.client.language;
    return pdf::render_contract(doc);
}

} // namespace isp::services
