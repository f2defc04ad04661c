#include "server/config/operator_profile.h"

#include <charconv>
#include <fstream>
#include <sstream>

#include "server/security/random_id.h"
#include "shared/domain/text.h"
#include "web/assets/embedded_assets.h"

namespace isp {
namespace {

constexpr std::size_t max_logo_bytes = 1 << 20;    // a logo, not a poster
constexpr std::size_t max_terms_bytes = 256 << 10; // dozens of pages of terms

bool read_file(const std::string& path, std::size_t limit, std::string& out, std::string& error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot read " + path;
        return false;
    }
    std::ostringstream buf;
    buf << in.rdbuf();
    out = buf.str();
    if (out.size() > limit) {
        error = path + " is larger than " + std::to_string(limit / 1024) + " KiB";
        return false;
    }
    return true;
}

// The demo's terms: short, but a real contract's kind of text.
constexpr const char* demo_terms =
    "Article 1 \u2013 Objet. Le pr\u00e9sent contrat d\u00e9finit les conditions dans lesquelles l\u2019op\u00e9rateur "
    "fournit au client le service d\u00e9crit ci-dessus.\n"
    "Article 2 \u2013 Dur\u00e9e. Le contrat prend effet \u00e0 la date de d\u00e9but indiqu\u00e9e. Lorsqu\u2019un "
    "engagement est pr\u00e9vu, il court jusqu\u2019\u00e0 la date de fin d\u2019engagement ; le contrat se poursuit "
    "ensuite sans engagement.\n"
    "Article 3 \u2013 Prix et facturation. Le service est factur\u00e9 chaque mois au prix indiqu\u00e9. Un changement "
    "d\u2019offre, une suspension ou une r\u00e9siliation en cours de mois sont factur\u00e9s au prorata des jours.\n"
    "Article 4 \u2013 Paiement. Les factures sont payables \u00e0 leur date d\u2019\u00e9ch\u00e9ance. \u00c0 "
    "d\u00e9faut, l\u2019op\u00e9rateur peut suspendre le service apr\u00e8s relance.\n"
    "Article 5 \u2013 Donn\u00e9es personnelles. Les donn\u00e9es du client sont trait\u00e9es pour "
    "l\u2019ex\u00e9cution du contrat, conform\u00e9ment \u00e0 la loi 09-08.";

void fill_if_empty(std::string& field, const char* demo_value) {
    if (field.empty())
        field = demo_value;
}

// The demo company (--demo only).
void fill_demo_texts(OperatorProfile& p) {
    fill_if_empty(p.name, "Atlas T\u00e9l\u00e9com");
    fill_if_empty(p.address, "12, boulevard Zerktouni, 20000 Casablanca, Maroc");
    fill_if_empty(p.legal_ids, "RC 123456 \u2013 IF 1234567 \u2013 ICE 001234567000089");
    fill_if_empty(p.footer,
                  "Atlas T\u00e9l\u00e9com SA au capital de 10\u00a0000\u00a0000 MAD \u00b7 Service client 0800 00 "
                  "12 34 \u00b7 www.atlas-telecom.ma");
    fill_if_empty(p.payment_instructions,
                  "Paiement par virement (RIB 011 780 0000123456789012 34, en indiquant le num\u00e9ro de facture), "
                  "par carte dans l\u2019espace client, ou en esp\u00e8ces dans nos agences.");
    fill_if_empty(p.legal_mentions, "Tout retard de paiement entra\u00eene des p\u00e9nalit\u00e9s au taux "
                                    "l\u00e9gal en vigueur. Pas d\u2019escompte pour paiement anticip\u00e9.");
}

} // namespace

std::vector<std::string> missing_operator_keys(const OperatorProfile& p) {
    std::vector<std::string> missing;
    if (p.name.empty())
        missing.push_back("operator-name");
    if (p.address.empty())
        missing.push_back("operator-address");
    if (p.legal_ids.empty())
        missing.push_back("operator-legal-ids");
    return missing;
}

std::string load_operator_files(OperatorProfile& p, bool demo) {
    if (demo)
        fill_demo_texts(p);
    const std::string& a = p.accent;
    std::uint32_t rgb = 0;
    if (a.size() != 7 || a[0] != '#' || std::from_chars(a.data() + 1, a.data() + 7, rgb, 16).ptr != a.data() + 7)
        return "--operator-accent must be a colour written #RRGGBB, got \"" + a + "\"";
    p.accent_rgb = rgb;

    std::string error;
    if (!p.logo_path.empty()) {
        if (!read_file(p.logo_path, max_logo_bytes, p.logo, error))
            return "--operator-logo: " + error;
        if (!p.logo.starts_with("\x89PNG\r\n\x1a\n") && !p.logo.starts_with("\xff\xd8\xff"))
            return "--operator-logo: " + p.logo_path + " is neither a PNG nor a JPEG file";
    } else if (demo) {
        p.logo.assign(reinterpret_cast<const char*>(assets::logo.data()), assets::logo.size());
    }

    if (!p.terms_path.empty()) {
        if (!read_file(p.terms_path, max_terms_bytes, p.terms, error))
            return "--operator-terms: " + error;
        if (!is_valid_utf8(p.terms))
            return "--operator-terms: " + p.terms_path + " is not UTF-8 text";
    } else if (demo) {
        p.terms = demo_terms;
    }

    // Hashed once here rather than for every contract version and billing run that records them.
    p.logo_media_type = p.logo.starts_with("\x89PNG") ? "image/png" : "image/jpeg";
    p.logo_sha256 = p.logo.empty() ? "" : security::sha256_hex(p.logo);
    p.terms_sha256 = p.terms.empty() ? "" : security::sha256_hex(p.terms);
    return "";
}

} // namespace isp
