// The staff catalog (process map P1-P2): /api/v1/offers[/{offer_id}] for ops and admin, and
// /api/v1/offer-categories (legacy alias /offer-families): every offer, inactive ones
// included, grouped by service family with counts. Creating an offer honours an optional
// Idempotency-Key.
#include <httplib.h>

#include "server/http/idempotency.h"
#include "server/http/json_body.h"
#include "server/http/pagination.h"
#include "server/http/problem.h"
#include "server/http/route.h"
#include "server/http/staff_auth.h"
#include "server/routes/app_context.h"
#include "server/routes/routes.h"
#include "server/services/failure.h"
#include "server/services/offer_catalog.h"
#include "shared/wire/offer_json.h"
#include "shared/wire/page_json.h"

namespace isp::routes {
namespace {

using services::Role;

// The offer of a create or replace body; (Invalid) `validation_failed` listing every wrong field.
Offer offer_of(const nlohmann::json& body) {
    FieldErrors errors;
    Offer offer = wire::offer_body_from_json(body, errors);
    if (!errors.empty())
        throw services::Failure(services::FailureKind::Invalid, "validation_failed", "The offer has invalid fields.",
                                std::move(errors));
    return offer;
}

} // namespace

void register_offers(httplib::Server& http, AppContext& app) {
    http.Post("/api/v1/offers", http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                  http::require_staff(req, app, Role::Ops);
                  const nlohmann::json body = http::json_object_body(req);
                  const Offer offer = offer_of(body);
                  const auto outcome = app.idempotency.run(
                      "staff.offers.create", req, body,
                      [&](store::Connection& c) -> http::JsonResponse {
                          return {201, wire::to_json(services::create_offer(c, app, offer))};
                      },
                      http::KeyRule::Optional);
                  outcome.write_created_to(res, "/api/v1/offers/", "/offer_id");
              }));
    http.Get("/api/v1/offers", http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                 http::require_staff(req, app, Role::Viewer);
                 const auto page = http::page_request(req);
                 const auto offers = services::list_offers(app, page.per_page, page.offset());
                 nlohmann::json data = nlohmann::json::array();
                 for (const Offer& o : offers.items)
                     data.push_back(wire::to_json(o));
                 http::write_json(res, 200, wire::page_json(std::move(data), {page.page, page.per_page, offers.total}));
             }));
    http.Get("/api/v1/offers/:offer_id", http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                 http::require_staff(req, app, Role::Viewer);
                 http::write_json(res, 200, wire::to_json(services::get_offer(app, http::path_param(req, "offer_id"))));
             }));
    http.Put("/api/v1/offers/:offer_id", http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                 http::require_staff(req, app, Role::Ops);
                 Offer offer = offer_of(http::json_object_body(req));
                 offer.offer_id = http::path_param(req, "offer_id");
                 http::write_json(res, 200, wire::to_json(services::replace_offer(app, std::move(offer))));
             }));
    http.Delete("/api/v1/offers/:offer_id", http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                    http::require_staff(req, app, Role::Ops);
                    services::remove_offer(app, http::path_param(req, "offer_id"));
                    res.status = 204;
                }));
    const auto grouped = http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
        http::require_staff(req, app, Role::Viewer);
        http::write_json(res, 200, wire::offer_categories_json(services::all_offers(app)));
    });
    http.Get("/api/v1/offer-categories", grouped);
    http.Get("/api/v1/offer-families", grouped); // legacy name (process map P1)
}

} // namespace isp::routes
