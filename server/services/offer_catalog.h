// The staff catalog (process map P1-P2): offers created, changed and deleted by operators.
// The body's fields are read by shared/wire/offer_json.h; deleting an offer
// a contract ever used is refused (409 `offer_delete_blocked`): deactivate it instead,
// so past contracts, documents and invoices keep their offer.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "server/services/page.h"
#include "shared/domain/offer.h"

namespace isp::store {
class Connection;
}

namespace isp::services {
struct ServiceContext;

std::vector<Offer> all_offers(ServiceContext& context); // inactive ones included
Page<Offer> list_offers(ServiceContext& context, std::int64_t limit, std::int64_t offset);
Offer create_offer(ServiceContext& context, Offer offer);
Offer create_offer(store::Connection& c, ServiceContext& context, Offer offer); // in the caller's transaction
Offer get_offer(ServiceContext& context, const std::string& offer_id);          // 404 offer_not_found
Offer replace_offer(ServiceContext& context, Offer offer);                      // 404 offer_not_found
void remove_offer(ServiceContext& context, const std::string& offer_id);        // 404, 409 offer_delete_blocked

} // namespace isp::services
