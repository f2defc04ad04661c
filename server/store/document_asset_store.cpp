#include "server/store/document_asset_store.h"

#include "server/store/database.h"

namespace isp::store {

void put_document_asset(Connection& c, std::string_view sha256, std::string_view media_type, std::string_view content,
                        const std::string& now) {
    auto known = c.prepare("SELECT 1 FROM document_assets WHERE sha256 = ?1");
    known.bind(sha256);
    if (known.step())
        return; // the usual case: the operator's logo and terms were recorded long ago
    c.prepare("INSERT INTO document_assets (sha256, media_type, content, created_at) VALUES (?1, ?2, ?3, ?4)")
        .bind(sha256, media_type, Blob{content}, now)
        .run();
}

std::optional<std::string> find_document_asset(Connection& c, std::string_view sha256) {
    auto st = c.prepare("SELECT content FROM document_assets WHERE sha256 = ?1");
    st.bind(sha256);
    if (!st.step())
        return std::nullopt;
    return st.blob(0);
}

} // namespace isp::store
