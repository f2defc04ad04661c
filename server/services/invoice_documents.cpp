#include "server/services/invoice_documents.h"

#include "pdf/invoice_document.h"
#include "server/clock/clock.h"
#include "server/config/server_config.h"
#include "server/security/signed_token.h"
#include "server/services/document_issuer.h"
#include "server/services/failure.h"
#include "server/store/billing_run_store.h"
#include "server/store/client_store.h"
#include "server/store/contract_store.h"
#include "server/store/invoice_store.h"
#include "shared/wire/problem_codes.h"

namespace isp::services {
namespace {

constexpr std::string_view invoice_link_purpose = "invoice-document";

Failure bad_invoice_link() {
    return Failure(FailureKind::NotFound, wire::problem::document_link_invalid,
                   "This document link is not valid. Ask for a new link from the portal.");
}

} // namespace

DocumentLink InvoiceDocuments::link(std::string_view invoice_id) const {
    const std::int64_t expires = clock_.now_unix() + config_.document_link_ttl_seconds;
    const std::string token = signer_.sign(invoice_link_purpose, invoice_id, expires);
    return DocumentLink{"/api/v1/landing/invoices/" + std::string(invoice_id) + "/document?token=" + token,
                        Clock::iso_timestamp(expires)};
}

std::string InvoiceDocuments::render_for_token(store::Connection& c, std::string_view invoice_id,
                                               std::string_view token) const {
    switch (signer_.verify(token, invoice_link_purpose, invoice_id, clock_.now_unix())) {
    case security::TokenSigner::Check::Valid: break;
    case security::TokenSigner::Check::Expired:
        throw Failure(FailureKind::Gone, wire::problem::document_link_expired,
                      "This document link has expired. Ask for a new link from the portal.");
    case security::TokenSigner::Check::Invalid: throw bad_invoice_link();
    }
    return render(c, invoice_id);
}

std::string InvoiceDocuments::render(store::Connection& c, std::string_view invoice_id) const {
    const auto invoice = store::find_invoice(c, invoice_id);
    if (!invoice)
        throw Failure(FailureKind::NotFound, "invoice_not_found", "There is no invoice with this id.");
    pdf::InvoiceDocument doc;
    // The issuer as the billing run recorded it; runs made before that was recorded
    // print today's operator.
    const auto recorded = store::find_billing_run_issuer(c, invoice->billing_run_id);
    RecordedIssuer issuer =
        recorded ? read_issuer(c, nlohmann::json::parse(*recorded)) : current_issuer(config_.operator_profile);
    doc.issuer = std::move(issuer.identity);
    doc.payment_instructions = std::move(issuer.payment_instructions);
    doc.legal_mentions = std::move(issuer.legal_mentions);
    // The language is how the client reads, not what was invoiced: today's choice.
    if (const auto client = store::find_client(c, invoice->client_id))
        doc.language = client->language;
    doc.invoice_number = invoice->invoice_number;
    doc.issue_date = invoice->issue_date;
    doc.due_date = invoice->due_date;
    doc.period_start = invoice->period_start;
    doc.period_end = invoice->period_end;
    doc.client_name = invoice->client.first_name + " " + invoice->client.last_name;
    doc.cin = invoice->client.cin;
    doc.address = invoice->client.address;
    doc.email = invoice->client.email;
    if (const auto contract = store::find_contract(c, invoice->contract_id))
        doc.contract_number = contract->contract_number;
    const std::string& currency = invoice->currency;
    for (const InvoiceLine& l : invoice->lines) {
        if (doc.service_identifier.empty())
            doc.service_identifier = l.service_identifier;
        doc.lines.push_back({l.offer_name, l.from_date, l.to_date, l.days, l.days_in_period,
                             Money{l.monthly_price_minor, currency}, Money{l.amount_minor, currency}, l.tax_rate_bp,
                             Money{l.tax_minor, currency}, l.kind == InvoiceLineKind::EarlyTermination});
    }
    doc.subtotal = {invoice->subtotal_minor, currency};
    doc.tax = {invoice->tax_minor, currency};
    doc.total = {invoice->total_minor, currency};
    doc.paid = {invoice->paid_minor, currency};
    return pdf::render_invoice(doc);
}

} // namespace isp::services
