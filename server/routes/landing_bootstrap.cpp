// GET /api/v1/landing/bootstrap (seed 002, P7): what the portal needs to start a signup:
// the operator, today's date, active offers grouped by service family, and the signup
// fields with their limits (the rules themselves are shared/, compiled into the portal).
#include <httplib.h>

#include "server/app/app_context.h"
#include "server/app/config.h"
#include "server/clock/clock.h"
#include "server/http/problem.h"
#include "server/http/route.h"
#include "server/routes/routes.h"
#include "server/store/catalog_store.h"
#include "server/store/database.h"
#include "shared/signup/signup_form.h"
#include "shared/wire/offer_json.h"

namespace isp::routes {

void register_landing_bootstrap(httplib::Server& http, AppContext& app) {
    http.Get("/api/v1/landing/bootstrap", http::guarded([&app](const httplib::Request&, httplib::Response& res) {
                 const auto offers = app.db.read([](store::Connection& c) { return store::list_offers(c, true); });
                 nlohmann::json families = nlohmann::json::array();
                 for (ServiceFamily f : all_service_families) {
                     nlohmann::json list = nlohmann::json::array();
                     for (const Offer& o : offers)
                         if (o.family == f)
                             list.push_back(wire::to_json(o));
                     families.push_back({{"family", std::string(to_string(f))},
                                         {"label_fr", std::string(family_label(f, Language::French))},
                                         {"label_en", std::string(family_label(f, Language::English))},
                                         {"offers", std::move(list)}});
                 }
                 nlohmann::json fields = nlohmann::json::array();
                 for (const SignupField& f : signup_fields())
                     fields.push_back({{"field", f.name},
                                       {"label_fr", f.label_fr},
                                       {"label_en", f.label_en},
                                       {"max_length", f.max_length},
                                       {"hint_fr", f.hint_fr},
                                       {"hint_en", f.hint_en},
                                       {"required", true}});
                 http::write_json(res, 200,
                                  {{"operator",
                                    {{"name", app.config.operator_profile.name},
                                     {"currency", app.config.operator_profile.currency}}},
                                   {"today", app.clock.today_utc().to_iso()},
                                   {"families", std::move(families)},
                                   {"signup_fields", std::move(fields)},
                                   {"commitment_options", commitment_options},
                                   {"max_start_days_ahead", max_start_days_ahead},
                                   {"draft_ttl_days", app.config.draft_ttl_days}});
             }));
}

} // namespace isp::routes
