// Offers in the database.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/domain/offer.h"

namespace isp::store {

class Connection;

std::vector<Offer> list_offers(Connection& c, bool active_only);
std::optional<Offer> find_offer(Connection& c, std::string_view offer_id);
void insert_offer(Connection& c, const Offer& offer, const std::string& now);

// Staff catalog (issue #4): every offer, inactive ones included, a page at a time.
std::int64_t count_offers(Connection& c);
std::vector<Offer> list_offers_page(Connection& c, std::int64_t limit, std::int64_t offset);
bool update_offer(Connection& c, const Offer& offer, const std::string& now); // false: no such offer
bool delete_offer(Connection& c, std::string_view offer_id);                  // false: no such offer
// Whether any contract is, was or was to be on this offer (its current offer, a past period, a
// scheduled offer change).
bool offer_ever_used(Connection& c, std::string_view offer_id);

} // namespace isp::store
