// Offers in the database.
#pragma once
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

} // namespace isp::store
