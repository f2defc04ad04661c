// Wire format of POST /api/v1/landing/submit/plan-change: an existing client moves a
// contract to another offer from a date; the answer is the changed contract with a
// signed link to its new document version. One dated later is answered 202 with the
// contract as it is and the pending change in `scheduled_change` (null when made at once).
#pragma once
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "shared/domain/contract.h"
#include "shared/domain/field_error.h"
#include "shared/domain/money.h"
#include "shared/domain/offer.h"
#include "shared/domain/scheduled_change.h"
#include "shared/wire/document_link_json.h"

namespace isp::wire {

struct PlanChangeRequest {
    std::string lookup_token;
    std::string contract_id;
    std::string target_offer_id;
    std::string contract_start_date; // ISO date the new offer applies from
    Language language = Language::French;
    bool operator==(const PlanChangeRequest&) const = default;
};

nlohmann::json to_json(const PlanChangeRequest& request);
// Missing or wrongly typed fields land in `errors` (contract_id, target_offer_id and
// contract_start_date are required; the token is checked by the server).
PlanChangeRequest plan_change_request_from_json(const nlohmann::json& j, FieldErrors& errors, Language language);

struct PlanChangeResult {
    std::string contract_id;
    Contract contract;          // as changed: new offer, document version
    std::string direction;      // "upgrade" or "downgrade"
    std::string effective_date; // ISO date
    Offer previous_offer;
    Offer offer;
    Money monthly_difference;
    DocumentLink document;                    // the version in force now (the new one only once made)
    std::optional<ScheduledChange> scheduled; // a change dated later: pending until its date
    bool operator==(const PlanChangeResult&) const = default;
};

nlohmann::json to_json(const PlanChangeResult& result);
PlanChangeResult plan_change_result_from_json(const nlohmann::json& j); // throws nlohmann::json::exception on bad shape

} // namespace isp::wire
