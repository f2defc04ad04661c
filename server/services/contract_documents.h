// Contract documents: each version is recorded as a snapshot (client, offer, contract
// as they were) inside the write that produced it, and rendered to PDF on download.
// Rendering is deterministic, so a version always gives the same bytes.
// Download links carry a signed token bound to one contract and one version.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "shared/domain/cancellation.h"
#include "shared/domain/client.h"
#include "shared/domain/contract.h"
#include "shared/domain/offer.h"
#include "shared/wire/document_link_json.h"

namespace isp {
class Clock;
struct ServerConfig;
namespace security {
class TokenSigner;
}
namespace store {
class Connection;
}
} // namespace isp

namespace isp::services {

struct DocumentLink {
    std::string url;        // "/api/v1/landing/contracts/ctr_.../document?token=..."
    std::string expires_at; // UTC timestamp
};

class ContractDocuments {
public:
    ContractDocuments(const ServerConfig& config, const security::TokenSigner& signer, const Clock& clock)
        : config_(config), signer_(signer), clock_(clock) {}

    // Records version contract.document_version, in the caller's transaction; a version made
    // by a cancellation records it too (its PDF says the termination date and amount).
    void record_version(store::Connection& c, const Client& client, const Offer& offer, const Contract& contract,
                        const std::optional<Cancellation>& cancellation = std::nullopt) const;

    DocumentLink link(std::string_view contract_id, int version) const;
    // A link to the contract's current version, as the landing answers carry it.
    wire::DocumentLink current_link(const Contract& contract) const;

    // Checks the token (404 for unknown/forged, 410 for expired), then renders the PDF.
    std::string render_for_token(store::Connection& c, std::string_view contract_id, std::string_view token) const;

    // Renders a recorded version (staff access; also used by tests).
    std::string render(store::Connection& c, std::string_view contract_id, int version) const;

private:
    const ServerConfig& config_;
    const security::TokenSigner& signer_;
    const Clock& clock_;
};

} // namespace isp::services
