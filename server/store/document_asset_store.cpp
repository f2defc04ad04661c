#include "server/store/document_asset_store.h"

#include "server/security/random_id.h"
#include "server/store/database.h"

namespace isp::store {

std::string put_document_asset(Connection& c, std::string_view media_type, std::string_view content,
                               const std::string& now) {
    std::string sha256 = security::sha256_hex(content);
    c.prepare("INSERT OR IGNORE INTO document_assets (sha256, media_type, content, created_at) VALUES (?1, ?2, ?3, ?4)")
        .bind(sha256, media_type, Blob{content}, now)
        .run();
    return sha256;
}

std::optional<std::string> find_document_asset(Connection& c, std::string_view sha256) {
    auto st = c.prepare("SELECT content FROM document_assets WHERE sha256 = ?1");
    st.bind(sha256);
    if (!st.step())
        return std::nullopt;
    return st.blob(0);
}

} // namespace isp::store
