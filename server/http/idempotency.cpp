#include "server/http/idempotency.h"

#include <httplib.h>

#include "server/clock/clock.h"
#include "server/http/problem.h"
#include "server/observability/metrics.h"
#include "server/security/random_id.h"
#include "server/store/database.h"
#include "server/store/idempotency_store.h"
#include "shared/wire/problem_codes.h"

namespace isp::http {
namespace {

bool valid_key(std::string_view key) {
    if (key.size() < 8 || key.size() > 128)
        return false;
    for (char c : key)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
              c == '.' || c == ':'))
            return false;
    return true;
}

// Removes the key from the in-flight set however the operation ends.
struct InFlight {
    std::mutex& mutex;
    std::set<std::string>& keys;
    std::string key;
    ~InFlight() {
        std::lock_guard lock(mutex);
        keys.erase(key);
    }
};

} // namespace

void IdempotencyGuard::Outcome::write_to(httplib::Response& res) const {
    if (replayed)
        res.set_header("Idempotent-Replayed", "true");
    res.status = status;
    res.set_content(body, "application/json");
}

void IdempotencyGuard::Outcome::write_created_to(httplib::Response& res, std::string_view location_prefix,
                                                 const char* id_pointer) const {
    if (status == 201) {
        const auto id = nlohmann::json::parse(body).at(nlohmann::json::json_pointer(id_pointer)).get<std::string>();
        res.set_header("Location", std::string(location_prefix) + id);
    }
    write_to(res);
}

IdempotencyGuard::Outcome IdempotencyGuard::run(std::string_view scope, const httplib::Request& req,
                                                const nlohmann::json& canonical_request, const Operation& operation,
                                                KeyRule rule) {
    const std::string key = req.get_header_value("Idempotency-Key");
    if (key.empty() && rule == KeyRule::Optional && !req.has_header("Idempotency-Key"))
        return db_.write([&](store::Connection& c) {
            JsonResponse response = operation(c);
            return Outcome{response.status, response.body.dump(), false};
        });
    if (key.empty())
        throw ApiError(400, wire::problem::idempotency_key_missing,
                       "This request needs an Idempotency-Key header (8 to 128 characters: letters, digits, - _ . :), "
                       "unique per operation attempt.");
    if (!valid_key(key))
        throw ApiError(400, wire::problem::idempotency_key_invalid,
                       "The Idempotency-Key must be 8 to 128 characters: letters, digits, - _ . :");

    const std::string hash = security::sha256_hex(req.method + " " + req.path + "\n" + canonical_request.dump());
    const std::string slot = std::string(scope) + "\n" + key;
    {
        std::lock_guard lock(mutex_);
        if (!in_flight_.insert(slot).second) {
            ApiError e(409, "idempotency_key_in_use",
                       "A request with this Idempotency-Key is still being processed; retry in a moment.");
            e.retry_after_seconds = 1;
            throw e;
        }
    }
    InFlight guard{mutex_, in_flight_, slot};

    Outcome outcome = db_.write([&](store::Connection& c) -> Outcome {
        if (auto stored = store::find_idempotent_response(c, scope, key)) {
            if (stored->request_hash != hash)
                throw ApiError(422, wire::problem::idempotency_key_reused,
                               "This Idempotency-Key was already used for a different request; use a new key.");
            return Outcome{stored->status, stored->body, true};
        }
        JsonResponse response = operation(c);
        const std::string now = clock_.now_iso();
        store::insert_idempotent_response(
            c, scope, key,
            {hash, response.status, (response.replay_body ? *response.replay_body : response.body).dump()}, now);
        store::delete_idempotency_keys_before(c, Clock::iso_timestamp(clock_.now_unix() - retention_seconds));
        return Outcome{response.status, response.body.dump(), false};
    });
    if (outcome.replayed)
        observability::metrics().count_idempotent_replay();
    return outcome;
}

} // namespace isp::http
