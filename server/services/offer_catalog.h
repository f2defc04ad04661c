// The staff catalog (seed 002, P1-P2): offers created, changed and deleted by operators.
// Validation gives every wrong field at once (400 `validation_failed`); deleting an offer
// a contract ever used is refused (409 `offer_delete_blocked`): deactivate it instead,
// so past contracts, documents and invoices keep their offer.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "shared/domain/offer.h"

namespace isp {
struct AppContext;
}

namespace isp::services {

inline constexpr std::size_t max_offer_name_chars = 100;
inline constexpr std::size_t max_offer_description_chars = 1000;

// The offer a create or full-update body describes (offer_id left empty). Throws
// http::ApiError 400 `validation_failed` listing every wrong field.
Offer offer_from_body(const nlohmann::json& body);

Offer create_offer(AppContext& app, Offer offer);
Offer get_offer(AppContext& app, const std::string& offer_id);      // 404 offer_not_found
Offer replace_offer(AppContext& app, Offer offer);                   // 404 offer_not_found
void remove_offer(AppContext& app, const std::string& offer_id);     // 404, 409 offer_delete_blocked

} // namespace isp::services
