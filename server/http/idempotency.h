// Idempotency-Key handling for writes (docs/process-map.md lists them): the IETF draft's and
// Stripe's semantics.
//   key missing (KeyRule::Required) -> 400 idempotency_key_missing
//   key missing (KeyRule::Optional) -> the operation runs once in its own write transaction,
//                                      nothing is stored (the staff writes that answered
//                                      without a key before the key was honoured)
//   key malformed                   -> 400 idempotency_key_invalid
//   same key, same request, done    -> the first response replayed (same status, body)
//   same key, different request     -> 422 idempotency_key_reused
//   same key while the first runs   -> 409 idempotency_key_in_use (Retry-After: 1)
// Exactly once: the operation's writes and its stored response commit in ONE SQLite
// transaction, so a crash leaves either both or neither. A failed operation (ApiError)
// stores nothing: the client may correct the request and retry with the same key.
// Keys are kept 48 hours (at least the 24 the conventions promise).
#pragma once
#include <functional>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace httplib {
struct Request;
struct Response;
} // namespace httplib

namespace isp {
class Clock;
namespace store {
class Connection;
class Database;
} // namespace store
} // namespace isp

namespace isp::http {

struct JsonResponse {
    int status = 200;
    nlohmann::json body;
    // Stored and replayed instead of `body` when `body` carries a secret the database must
    // not keep (a one-time password link): the first answer has it, a replay does not.
    std::optional<nlohmann::json> replay_body = std::nullopt;
};

enum class KeyRule { Required, Optional };

class IdempotencyGuard {
public:
    IdempotencyGuard(store::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

    using Operation = std::function<JsonResponse(store::Connection&)>;

    struct Outcome {
        int status;
        std::string body;
        bool replayed;

        void write_to(httplib::Response& res) const; // with Idempotent-Replayed: true on a replay
        // The same, and for a 201 `Location: <location_prefix><the id at id_pointer in body>`.
        void write_created_to(httplib::Response& res, std::string_view location_prefix, const char* id_pointer) const;
    };
    // `scope` names the endpoint; `canonical_request` is what must match for a replay.
    Outcome run(std::string_view scope, const httplib::Request& req, const nlohmann::json& canonical_request,
                const Operation& operation, KeyRule rule = KeyRule::Required);

    static constexpr long long retention_seconds = 48 * 3600;

private:
    store::Database& db_;
    const Clock& clock_;
    std::mutex mutex_;
    std::set<std::string> in_flight_;
};

} // namespace isp::http
