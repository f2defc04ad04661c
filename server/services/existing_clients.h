// What an existing client does from the landing page once they prove who they are
// (process map P9, P10, P13): the proof itself, their subscriptions, a fresh link to a
// contract document, their invoices and the PDFs behind the signed links. Each opens
// its own read; the answers are the shared wire types the portal reads.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "shared/domain/client.h"
#include "shared/domain/invoice.h"
#include "shared/wire/client_invoice_json.h"
#include "shared/wire/document_link_json.h"
#include "shared/wire/subscription_json.h"

namespace isp::services {

struct ServiceContext;
class ClientIdentity;

// Where an attempt comes from, for ClientIdentity::verify's failure counting.
struct ProofOrigin {
    std::string_view remote_address;
    std::string_view device_token; // the browser's device cookie, "" when none
    Language language = Language::French;
};

// CIN + service identifier as typed: the client, or ClientIdentity::verify's failures.
Client verify_client(ServiceContext& ctx, ClientIdentity& identity, std::string_view cin,
                     std::string_view service_identifier, const ProofOrigin& origin);

// The live contracts of the client a lookup token opens (checked against `cin`), each
// with the offers it may move to.
wire::Subscriptions client_subscriptions(ServiceContext& ctx, const ClientIdentity& identity,
                                         std::string_view lookup_token, std::string_view cin);

// A fresh signed link to the current version of a contract's document, for its owner:
// proven by a lookup token, or (token empty) by CIN + service identifier, counted as a
// verify attempt; then `proven` is the client, for the browser's device cookie. 403
// contract_not_owned for another client's contract and an unknown one alike.
struct ContractDocumentLink {
    wire::DocumentLink link;
    std::optional<Client> proven;
};
ContractDocumentLink contract_document_link(ServiceContext& ctx, ClientIdentity& identity, std::string_view contract_id,
                                            std::string_view lookup_token, std::string_view cin,
                                            std::string_view service_identifier, const ProofOrigin& origin);

// A page of the client's invoices, newest first, with their lines, each status as of
// today and a signed link to each PDF.
wire::ClientInvoices client_invoices(ServiceContext& ctx, const ClientIdentity& identity, std::string_view lookup_token,
                                     std::string_view cin, std::optional<InvoiceStatus> status, std::int64_t page,
                                     std::int64_t per_page);

// The PDFs behind the signed links (404 unknown or forged token, 410 expired).
std::string contract_pdf_for_token(ServiceContext& ctx, std::string_view contract_id, std::string_view token);
std::string invoice_pdf_for_token(ServiceContext& ctx, std::string_view invoice_id, std::string_view token);

} // namespace isp::services
