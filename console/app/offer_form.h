// The offer form of the console (create and edit): what the person types, as text, and the
// offer it makes. The rules are shared/domain/offer.h's, the server's own (name and
// description lengths, the price ceiling, the tax rate, the commitments the signup offers),
// checked as typed so a wrong offer is never sent.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "shared/domain/field_error.h"
#include "shared/domain/offer.h"

namespace isp::console {

// A typed amount in major units ("299", "299.5", "1 299,00") as minor units (2 decimals);
// nullopt when it is not one. Spaces (and no-break spaces) group thousands; "," or "." is
// the decimal mark.
std::optional<std::int64_t> parse_amount_minor(const std::string& typed);
// Minor units as the form shows them: "299.00".
std::string amount_text(std::int64_t minor);

struct OfferForm {
    std::string family = "mobile"; // "mobile", "internet", "landline"
    std::string name;
    std::string description;
    std::string monthly_price; // major units, before tax
    std::string currency = "MAD";
    std::string tax_rate = "20";         // percent, up to 2 decimals
    std::string commitment_months = "0"; // "0", "12", "24"
    bool active = true;

    static OfferForm of(const Offer& offer);
    // The offer typed; each wrong field in `errors` (wire field names, in `language`).
    std::optional<Offer> offer(FieldErrors& errors, Language language) const;
};

} // namespace isp::console
