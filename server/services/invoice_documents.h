// Invoice documents: the PDF of an issued invoice, rendered from the invoice as stored
// (lines, amounts, the client as invoiced) and the issuer its billing run recorded, so it
// reads the same in ten years. Public download links carry a signed token bound to one
// invoice (purpose "invoice-document"); staff render without one.
#pragma once
#include <string>
#include <string_view>

#include "server/services/contract_documents.h" // DocumentLink

namespace isp::services {

class InvoiceDocuments {
public:
    InvoiceDocuments(const ServerConfig& config, const security::TokenSigner& signer, const Clock& clock)
        : config_(config), signer_(signer), clock_(clock) {}

    DocumentLink link(std::string_view invoice_id) const;

    // Checks the token (404 for unknown/forged/another invoice's, 410 for expired), then renders.
    std::string render_for_token(store::Connection& c, std::string_view invoice_id, std::string_view token) const;

    // 404 invoice_not_found when there is no such invoice.
    std::string render(store::Connection& c, std::string_view invoice_id) const;

private:
    const ServerConfig& config_;
    const security::TokenSigner& signer_;
    const Clock& clock_;
};

} // namespace isp::services
