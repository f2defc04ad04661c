// The subscription contract as a PDF: what it shows and in which order. One version of
// a contract (a plan change makes version 2, 3, ...) is rendered from the snapshot of
// client, offer and contract taken when that version was produced, so re-rendering an
// old version later gives the same bytes.
#pragma once
#include <optional>
#include <string>

#include "pdf/operator_identity.h"
#include "shared/domain/cancellation.h"
#include "shared/domain/client.h"
#include "shared/domain/contract.h"
#include "shared/domain/money.h"
#include "shared/domain/offer.h"

namespace isp::pdf {

struct ContractDocument {
    OperatorIdentity issuer;
    Client client;
    Offer offer;
    Contract contract;
    std::string produced_on;              // ISO date of the version, from the record (never the clock)
    Language language = Language::French; // the client's language
    std::string terms;                    // the operator's terms; paragraphs separated by '\n'
    // A version recording the customer's cancellation says its date and amount.
    std::optional<Cancellation> cancellation;
};

// The PDF bytes. Same document in, same bytes out.
// Throws std::invalid_argument if produced_on is not a YYYY-MM-DD date, and
// std::runtime_error if libharu fails.
std::string render_contract(const ContractDocument& doc);

} // namespace isp::pdf
