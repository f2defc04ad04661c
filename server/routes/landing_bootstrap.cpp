// GET /api/v1/landing/bootstrap (process map P7): what the portal needs to start a signup:
// the operator, today's date, active offers grouped by service family, and the signup
// fields with their limits (the rules themselves are shared/, compiled into the portal).
//
// Every portal visit starts here, so the serialised answer is cached: it changes only when
// the catalog changes (Database::generation), the day changes, or - for writes made by
// another process - after a few seconds. An ETag turns a revisit into a 304.
#include <httplib.h>

#include <mutex>

#include "server/clock/clock.h"
#include "server/http/problem.h"
#include "server/http/revalidation.h"
#include "server/http/route.h"
#include "server/routes/app_context.h"
#include "server/routes/routes.h"
#include "server/security/random_id.h"
#include "server/services/landing_bootstrap.h"
#include "shared/wire/bootstrap_json.h"

namespace isp::routes {
namespace {

struct CachedBootstrap {
    std::mutex mutex;
    std::uint64_t generation = 0;
    std::string today;
    std::int64_t built_at = 0;
    std::string body;
    std::string etag;
};

constexpr std::int64_t max_cache_age_seconds = 5;

} // namespace

void register_landing_bootstrap(httplib::Server& http, AppContext& app) {
    auto cache = std::make_shared<CachedBootstrap>();
    http.Get("/api/v1/landing/bootstrap",
             http::guarded([&app, cache](const httplib::Request& req, httplib::Response& res) {
                 // Read the generation before the data: a cache entry is never newer than its key.
                 const std::uint64_t generation = services::catalog_generation(app);
                 const std::string today = app.clock.today_utc().to_iso();
                 const std::int64_t now = app.clock.now_unix();
                 std::string body, etag;
                 {
                     std::lock_guard lock(cache->mutex);
                     if (!cache->body.empty() && cache->generation == generation && cache->today == today &&
                         now - cache->built_at < max_cache_age_seconds && now >= cache->built_at) {
                         body = cache->body;
                         etag = cache->etag;
                     }
                 }
                 if (body.empty()) {
                     body = wire::to_json(services::landing_bootstrap(app)).dump();
                     etag = http::etag_from_sha256(security::sha256_hex(body));
                     std::lock_guard lock(cache->mutex);
                     cache->generation = generation;
                     cache->today = today;
                     cache->built_at = now;
                     cache->body = body;
                     cache->etag = etag;
                 }
                 if (http::not_modified(req, res, etag))
                     return;
                 res.status = 200;
                 res.set_content(std::move(body), "application/json");
             }));
}

} // namespace isp::routes
