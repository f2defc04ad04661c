// Wire format of GET /api/v1/landing/bootstrap: what the portal needs before the first
// click (the operator, the server's date, active offers by family, the signup limits).
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "shared/domain/date.h"
#include "shared/domain/offer.h"

namespace isp::wire {

struct OfferFamily {
    ServiceFamily family = ServiceFamily::Mobile;
    std::string label_fr;
    std::string label_en;
    std::vector<Offer> offers;
    bool operator==(const OfferFamily&) const = default;
};

struct Bootstrap {
    std::string operator_name;
    std::string operator_logo_url; // "" when the operator has no logo
    std::string currency;
    Date today; // the server's date: check_signup() must judge start dates as the server will
    std::vector<OfferFamily> families;
    std::vector<int> commitment_options;
    int max_start_days_ahead = 90;
    int draft_ttl_days = 30;

    const Offer* find_offer(const std::string& offer_id) const;
    bool operator==(const Bootstrap&) const = default;
};

// Also writes "signup_fields" (names, labels, hints, limits) from shared/signup: the
// table both sides compile in, on the wire for clients that do not.
nlohmann::json to_json(const Bootstrap& bootstrap);
// Skips a family this build does not know (a newer server); throws
// nlohmann::json::exception on a bad shape.
Bootstrap bootstrap_from_json(const nlohmann::json& j);

} // namespace isp::wire
