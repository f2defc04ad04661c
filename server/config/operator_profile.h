// Who the operator is and how its documents look: name, address, legal identifiers,
// footer, accent colour, logo, contract terms, payment instructions and legal mentions
// on invoices. Set by flags (config.cpp); the files (logo, terms) are read and checked
// once at start, so a bad file stops the server with a clear message instead of
// breaking documents later.
#pragma once
#include <cstdint>
#include <string>

namespace isp {

struct OperatorProfile {
    std::string name = "Atlas T\u00e9l\u00e9com";
    std::string address = "12, boulevard Zerktouni, 20000 Casablanca, Maroc";
    std::string legal_ids = "RC 123456 \u2013 IF 1234567 \u2013 ICE 001234567000089";
    std::string footer =
        "Atlas T\u00e9l\u00e9com SA au capital de 10\u00a0000\u00a0000 MAD \u00b7 Service client 0800 00 "
        "12 34 \u00b7 www.atlas-telecom.ma";
    std::string accent = "#0D4A87"; // "#RRGGBB"
    std::string logo_path;          // PNG or JPEG; empty: none (the demo logo under --demo)
    std::string terms_path;         // UTF-8 text printed on contracts; empty: none (demo terms under --demo)
    std::string payment_instructions =
        "Paiement par virement (RIB 011 780 0000123456789012 34, en indiquant le num\u00e9ro de facture), par "
        "carte dans l\u2019espace client, ou en esp\u00e8ces dans nos agences.";
    std::string legal_mentions = "Tout retard de paiement entra\u00eene des p\u00e9nalit\u00e9s au taux l\u00e9gal "
                                 "en vigueur. Pas d\u2019escompte pour paiement anticip\u00e9.";
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
// and no file is named). Returns an error message, or "" when all is well.
std::string load_operator_files(OperatorProfile& profile, bool demo);

} // namespace isp
