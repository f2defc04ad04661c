#include "server/services/offer_catalog.h"

#include "server/clock/clock.h"
#include "server/security/random_id.h"
#include "server/services/failure.h"
#include "server/services/service_context.h"
#include "server/store/catalog_store.h"
#include "server/store/database.h"

namespace isp::services {
namespace {

Failure offer_not_found(const std::string& id) {
    return Failure(FailureKind::NotFound, "offer_not_found", "No offer " + id + ".");
}

} // namespace

std::vector<Offer> all_offers(ServiceContext& context) {
    return context.db.read([](store::Connection& c) { return store::list_offers(c, false); });
}

Page<Offer> list_offers(ServiceContext& context, std::int64_t limit, std::int64_t offset) {
    return context.db.read([&](store::Connection& c) {
        return Page<Offer>{store::count_offers(c), store::list_offers_page(c, limit, offset)};
    });
}

Offer create_offer(ServiceContext& context, Offer offer) {
    return context.db.write([&](store::Connection& c) { return create_offer(c, context, std::move(offer)); });
}

Offer create_offer(store::Connection& c, ServiceContext& context, Offer offer) {
    offer.offer_id = security::new_id("ofr_", 10);
    // The landing bootstrap cache notices through Database::generation (offers is watched).
    store::insert_offer(c, offer, context.clock.now_iso());
    return offer;
}

Offer get_offer(ServiceContext& context, const std::string& offer_id) {
    auto offer = context.db.read([&](store::Connection& c) { return store::find_offer(c, offer_id); });
    if (!offer)
        throw offer_not_found(offer_id);
    return *offer;
}

Offer replace_offer(ServiceContext& context, Offer offer) {
    const std::string now = context.clock.now_iso();
    if (!context.db.write([&](store::Connection& c) { return store::update_offer(c, offer, now); }))
        throw offer_not_found(offer.offer_id);
    return offer;
}

void remove_offer(ServiceContext& context, const std::string& offer_id) {
    context.db.write([&](store::Connection& c) {
        if (!store::find_offer(c, offer_id))
            throw offer_not_found(offer_id);
        // Checked in the same transaction as the delete: no contract can slip in between.
        if (store::offer_ever_used(c, offer_id))
            throw Failure(FailureKind::Conflict, "offer_delete_blocked",
                          "Contracts use or used this offer, so it cannot be deleted; set active to false "
                          "to withdraw it from sale.");
        store::delete_offer(c, offer_id);
    });
}

} // namespace isp::services
