#include "server/services/landing_bootstrap.h"

#include "server/clock/clock.h"
#include "server/config/server_config.h"
#include "server/services/service_context.h"
#include "server/store/catalog_store.h"
#include "server/store/database.h"
#include "shared/signup/signup_form.h"

namespace isp::services {

wire::Bootstrap landing_bootstrap(ServiceContext& ctx) {
    const auto offers = ctx.db.read([](store::Connection& c) { return store::list_offers(c, true); });
    wire::Bootstrap b;
    const auto& profile = ctx.config.operator_profile;
    b.operator_name = profile.name;
    b.currency = profile.currency;
    if (!profile.logo.empty())
        b.operator_logo_url = "/api/v1/landing/operator-logo";
    b.today = ctx.clock.today_utc();
    for (ServiceFamily f : all_service_families) {
        wire::OfferFamily family{
            f, std::string(family_label(f, Language::French)), std::string(family_label(f, Language::English)), {}};
        for (const Offer& o : offers)
            if (o.family == f)
                family.offers.push_back(o);
        b.families.push_back(std::move(family));
    }
    b.commitment_options.assign(std::begin(commitment_options), std::end(commitment_options));
    b.max_start_days_ahead = max_start_days_ahead;
    b.draft_ttl_days = ctx.config.draft_ttl_days;
    return b;
}

std::uint64_t catalog_generation(ServiceContext& ctx) {
    return ctx.db.generation(store::Database::Watched::Offers);
}

} // namespace isp::services
