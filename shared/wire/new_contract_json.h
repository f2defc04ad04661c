// Wire format of the answer of POST /api/v1/landing/submit/new: the contract a signup
// made, with a signed link to its first document version. Dates and states as the
// server wrote them (ISO text), as the confirmation screen shows them.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "shared/domain/contract.h"
#include "shared/domain/offer.h"
#include "shared/wire/document_link_json.h"

namespace isp::wire {

struct NewContract {
    std::string contract_id;
    std::string contract_number; // "CTR-2026-000001"
    std::string client_id;
    std::string status;              // "active"
    std::string contract_start_date; // ISO date
    int commitment_months = 0;
    std::string commitment_end; // ISO date, "" without commitment
    std::string service_identifier;
    Offer offer;
    int document_version = 1;
    std::string document_download_url; // relative to the site, carries a signed expiring token
    std::string document_url_expires_at;
    bool operator==(const NewContract&) const = default;
};

// What the server answers for a contract just made, its offer and its document link.
NewContract new_contract(const Contract& contract, const Offer& offer, const DocumentLink& link);

nlohmann::json to_json(const NewContract& contract);
NewContract new_contract_from_json(const nlohmann::json& j); // throws nlohmann::json::exception on bad shape

} // namespace isp::wire
