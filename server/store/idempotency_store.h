// Stored responses of idempotent writes, keyed by (scope, Idempotency-Key).
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace isp::store {

class Connection;

struct StoredResponse {
    std::string request_hash;
    int status = 0;
    std::string body;
};

std::optional<StoredResponse> find_idempotent_response(Connection& c, std::string_view scope, std::string_view key);
void insert_idempotent_response(Connection& c, std::string_view scope, std::string_view key,
                                const StoredResponse& response, const std::string& now);
// Keys are kept at least 24 hours; this forgets those older than `cutoff`.
void delete_idempotency_keys_before(Connection& c, const std::string& cutoff);

} // namespace isp::store
