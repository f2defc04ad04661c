// The staff catalog (process map P1-P2): offers created, changed and deleted by operators.
// Validation gives every wrong field at once ((Invalid) `validation_failed`); deleting an offer
// a contract ever used is refused (409 `offer_delete_blocked`): deactivate it instead,
// so past contracts, documents and invoices keep their offer.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "server/services/page.h"
#include "shared/domain/offer.h"

namespace isp::services {
struct ServiceContext;

inline constexpr std::size_t max_offer_name_chars = 100;
inline constexpr std::size_t max_offer_description_chars = 1000;
inline constexpr std::int64_t max_offer_price_minor = 1'000'000'000'000; // 10 billion in major units

// The offer a create or full-update body describes (offer_id left empty). Throws
// services::Failure (Invalid) `validation_failed` listing every wrong field.
Offer offer_from_body(const nlohmann::json& body);

std::vector<Offer> all_offers(ServiceContext& context); // inactive ones included
Page<Offer> list_offers(ServiceContext& context, std::int64_t limit, std::int64_t offset);
Offer create_offer(ServiceContext& context, Offer offer);
Offer get_offer(ServiceContext& context, const std::string& offer_id);   // 404 offer_not_found
Offer replace_offer(ServiceContext& context, Offer offer);               // 404 offer_not_found
void remove_offer(ServiceContext& context, const std::string& offer_id); // 404, 409 offer_delete_blocked

} // namespace isp::services
