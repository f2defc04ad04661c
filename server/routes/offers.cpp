// The staff catalog (process map P1-P2): /api/v1/offers[/{offer_id}] for ops and admin, and
// /api/v1/offer-categories (legacy alias /offer-families): every offer, inactive ones
// included, grouped by service family with counts.
#include <httplib.h>

#include "server/http/json_body.h"
#include "server/http/pagination.h"
#include "server/http/problem.h"
#include "server/http/route.h"
#include "server/http/staff_auth.h"
#include "server/routes/app_context.h"
#include "server/routes/routes.h"
#include "server/services/offer_catalog.h"
#include "shared/wire/offer_json.h"
#include "shared/wire/page_json.h"

namespace isp::routes {
namespace {

using services::Role;

nlohmann::json categories(AppContext& app) {
    const auto offers = services::all_offers(app);
    nlohmann::json families = nlohmann::json::array();
    for (ServiceFamily f : all_service_families) {
        nlohmann::json list = nlohmann::json::array();
        int active = 0;
        for (const Offer& o : offers)
            if (o.family == f) {
                list.push_back(wire::to_json(o));
                active += o.active ? 1 : 0;
            }
        const auto count = list.size();
        families.push_back({{"family", std::string(to_string(f))},
                            {"label_fr", std::string(family_label(f, Language::French))},
                            {"label_en", std::string(family_label(f, Language::English))},
                            {"offer_count", count},
                            {"active_count", active},
                            {"offers", std::move(list)}});
    }
    return {{"data", std::move(families)}, {"total", offers.size()}};
}

} // namespace

void register_offers(httplib::Server& http, AppContext& app) {
    http.Post("/api/v1/offers", http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                  http::require_staff(req, app, Role::Ops);
                  const Offer offer =
                      services::create_offer(app, services::offer_from_body(http::json_object_body(req)));
                  res.set_header("Location", "/api/v1/offers/" + offer.offer_id);
                  http::write_json(res, 201, wire::to_json(offer));
              }));
    http.Get("/api/v1/offers", http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                 http::require_staff(req, app, Role::Ops);
                 const auto page = http::page_request(req);
                 const auto offers = services::list_offers(app, page.per_page, page.offset());
                 nlohmann::json data = nlohmann::json::array();
                 for (const Offer& o : offers.items)
                     data.push_back(wire::to_json(o));
                 http::write_json(res, 200, wire::page_json(std::move(data), {page.page, page.per_page, offers.total}));
             }));
    http.Get("/api/v1/offers/:offer_id", http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                 http::require_staff(req, app, Role::Ops);
                 http::write_json(res, 200, wire::to_json(services::get_offer(app, http::path_param(req, "offer_id"))));
             }));
    http.Put("/api/v1/offers/:offer_id", http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                 http::require_staff(req, app, Role::Ops);
                 Offer offer = services::offer_from_body(http::json_object_body(req));
                 offer.offer_id = http::path_param(req, "offer_id");
                 http::write_json(res, 200, wire::to_json(services::replace_offer(app, std::move(offer))));
             }));
    http.Delete("/api/v1/offers/:offer_id", http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
                    http::require_staff(req, app, Role::Ops);
                    services::remove_offer(app, http::path_param(req, "offer_id"));
                    res.status = 204;
                }));
    const auto grouped = http::guarded([&app](const httplib::Request& req, httplib::Response& res) {
        http::require_staff(req, app, Role::Ops);
        http::write_json(res, 200, categories(app));
    });
    http.Get("/api/v1/offer-categories", grouped);
    http.Get("/api/v1/offer-families", grouped); // legacy name (process map P1)
}

} // namespace isp::routes
