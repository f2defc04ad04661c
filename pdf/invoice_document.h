// The invoice as a PDF: what a customer pays and why, and what the operator keeps as its
// record. Rendered from what was stored when the invoice was issued (amounts, lines, the
// client as invoiced), never from today's catalog, so a ten-year-old invoice prints the same.
#pragma once
#include <string>
#include <vector>

#include "pdf/operator_identity.h"
#include "shared/domain/date.h"
#include "shared/domain/money.h"

namespace isp::pdf {

// One offer over one range of days: a full month, or the prorated part of one.
struct InvoiceDocumentLine {
    std::string offer_name;
    Date from;              // first day billed
    Date to;                // last day billed (inclusive)
    int days = 0;           // days billed ...
    int days_in_period = 0; // ... out of the period's days: equal for a full month
    Money monthly_price;    // before tax
    Money amount;           // before tax, prorated
    BasisPoints tax_rate_bp = 0;
    Money tax;
    bool early_termination = false; // a cancellation's one-off amount: `from` is the termination date
};

struct InvoiceDocument {
    OperatorIdentity issuer;
    Language language = Language::French; // the client's language

    std::string invoice_number; // "FAC-2026-000001"
    Date issue_date;            // also the PDF's creation date
    Date due_date;
    Date period_start; // the month billed
    Date period_end;

    std::string client_name;
    std::string cin;
    std::string address;
    std::string email;
    std::string contract_number;
    std::string service_identifier; // the subscriber: line or mobile number

    std::vector<InvoiceDocumentLine> lines;
    Money subtotal; // before tax
    Money tax;
    Money total;
    Money paid; // received so far; total - paid is due

    std::string payment_instructions; // how to pay: bank, RIB, agencies; '\n' between paragraphs
    std::string legal_mentions;       // late-payment terms and the like
};

// The PDF bytes. Same document in, same bytes out. Throws std::runtime_error if libharu fails.
std::string render_invoice(const InvoiceDocument& doc);

} // namespace isp::pdf
