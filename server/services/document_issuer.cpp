#include "server/services/document_issuer.h"

#include "server/config/operator_profile.h"
#include "server/store/document_asset_store.h"

namespace isp::services {

nlohmann::json record_issuer(store::Connection& c, const OperatorProfile& p, const std::string& now) {
    nlohmann::json j = {{"name", p.name},
                        {"address", p.address},
                        {"legal_ids", p.legal_ids},
                        {"footer", p.footer},
                        {"accent", p.accent_rgb},
                        {"payment_instructions", p.payment_instructions},
                        {"legal_mentions", p.legal_mentions}};
    if (!p.logo.empty()) {
        store::put_document_asset(c, p.logo_sha256, p.logo_media_type, p.logo, now);
        j["logo_sha256"] = p.logo_sha256;
    }
    if (!p.terms.empty()) {
        store::put_document_asset(c, p.terms_sha256, "text/plain; charset=utf-8", p.terms, now);
        j["terms_sha256"] = p.terms_sha256;
    }
    return j;
}

RecordedIssuer read_issuer(store::Connection& c, const nlohmann::json& j) {
    RecordedIssuer out;
    out.identity.name = j.value("name", "");
    out.identity.address = j.value("address", "");
    out.identity.legal_ids = j.value("legal_ids", "");
    out.identity.footer = j.value("footer", "");
    out.identity.accent = j.value("accent", out.identity.accent);
    out.payment_instructions = j.value("payment_instructions", "");
    out.legal_mentions = j.value("legal_mentions", "");
    if (j.contains("logo_sha256"))
        out.identity.logo = store::find_document_asset(c, j.at("logo_sha256").get<std::string>()).value_or("");
    if (j.contains("terms_sha256"))
        out.terms = store::find_document_asset(c, j.at("terms_sha256").get<std::string>()).value_or("");
    return out;
}

RecordedIssuer current_issuer(const OperatorProfile& p) {
    RecordedIssuer out;
    out.identity = {p.name, p.address, p.legal_ids, p.footer, p.accent_rgb, p.logo};
    out.terms = p.terms;
    out.payment_instructions = p.payment_instructions;
    out.legal_mentions = p.legal_mentions;
    return out;
}

} // namespace isp::services
