// Wire format of a customer's cancellation (issue #15):
//   POST /api/v1/landing/contracts/{contract_id}/cancellation (Idempotency-Key)
//     {"lookup_token", "termination_date": "YYYY-MM-DD", "language"}
//   -> 202 (a termination dated later) or 200 (dated today)
//     {"contract": {...}, "cancellation": {"cancellation_id", "contract_id", "change_id" (null
//      when made at once), "termination_date", "early_termination_amount", "requested_at"},
//      "document_version", "document_download_url", "document_url_expires_at"}
// The cancellation object is also what a contract document version's snapshot records.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "shared/domain/cancellation.h"
#include "shared/domain/contract.h"
#include "shared/domain/field_error.h"
#include "shared/wire/document_link_json.h"

namespace isp::wire {

struct CancellationRequest {
    std::string lookup_token;
    std::string termination_date; // as typed, "YYYY-MM-DD"
    Language language = Language::French;
    bool operator==(const CancellationRequest&) const = default;
};

nlohmann::json to_json(const CancellationRequest& request);
// Missing or wrongly typed fields land in `errors` (termination_date is required).
CancellationRequest cancellation_request_from_json(const nlohmann::json& j, FieldErrors& errors, Language language);

nlohmann::json to_json(const Cancellation& cancellation);
Cancellation cancellation_from_json(const nlohmann::json& j); // throws nlohmann::json::exception on a bad shape

struct CancellationResult {
    Contract contract; // as it is now (still active when the termination waits for its date)
    Cancellation cancellation;
    DocumentLink document; // the new version, which says the termination date and amount
    bool operator==(const CancellationResult&) const = default;
};

nlohmann::json to_json(const CancellationResult& result);
CancellationResult cancellation_result_from_json(const nlohmann::json& j); // throws on a bad shape

} // namespace isp::wire
