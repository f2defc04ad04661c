#include "server/store/idempotency_store.h"

#include "server/store/database.h"

namespace isp::store {

std::optional<StoredResponse> find_idempotent_response(Connection& c, std::string_view scope, std::string_view key) {
    auto st = c.prepare("SELECT request_hash, response_status, response_body FROM idempotency_keys "
                        "WHERE scope = ?1 AND idempotency_key = ?2");
    st.bind(scope, key);
    if (!st.step())
        return std::nullopt;
    return StoredResponse{st.text(0), static_cast<int>(st.integer(1)), st.text(2)};
}

void insert_idempotent_response(Connection& c, std::string_view scope, std::string_view key, const StoredResponse& r,
                                const std::string& now) {
    c.prepare("INSERT INTO idempotency_keys (scope, idempotency_key, request_hash, response_status, response_body, "
              "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        .bind(scope, key, r.request_hash, r.status, r.body, now)
        .run();
}

void delete_idempotency_keys_before(Connection& c, const std::string& cutoff) {
    c.prepare("DELETE FROM idempotency_keys WHERE created_at < ?1").bind(cutoff).run();
}

} // namespace isp::store
