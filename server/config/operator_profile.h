// Who the operator is and how its documents look: name, address, legal identifiers,
// footer, accent colour, logo, contract terms, payment instructions and legal mentions
// on invoices. Set by flags (config.cpp); the files (logo, terms) are read and checked
// once at start, so a bad file stops the server with a clear message instead of
// breaking documents later.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace isp {

struct OperatorProfile {
    // Required outside --demo (missing_operator_keys); --demo fills what is left empty with
    // a demo company, which must never print on a real operator's documents.
    std::string name;
    std::string address;
    std::string legal_ids;
    std::string footer;
    std::string accent = "#0D4A87"; // "#RRGGBB"
    std::string logo_path;          // PNG or JPEG; empty: none (the demo logo under --demo)
    std::string terms_path;         // UTF-8 text printed on contracts; empty: none (demo terms under --demo)
    std::string payment_instructions;
    std::string legal_mentions;
    std::string currency = "MAD";

    // Loaded by load_operator_files().
    std::uint32_t accent_rgb = 0x0D4A87;
    std::string logo;            // file bytes
    std::string logo_media_type; // "image/png" or "image/jpeg"
    std::string logo_sha256;     // hex, the logo's reference in records (document_assets) and its ETag
    std::string terms;           // text
    std::string terms_sha256;
};

// Parses the accent and reads the logo and terms files (or the demo ones when `demo`
// and no file is named); under `demo`, also fills the texts left empty with the demo
// company's. Returns an error message, or "" when all is well.
std::string load_operator_files(OperatorProfile& profile, bool demo);

// The keys (flag names without "--") a real operator must set and has not: its name,
// address and legal identifiers, printed on every contract and invoice.
std::vector<std::string> missing_operator_keys(const OperatorProfile& profile);

} // namespace isp
