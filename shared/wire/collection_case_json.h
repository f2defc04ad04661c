// Wire format of collections (process map P15, staff API): the overview, cases, their
// actions, and the bodies that change a case's status or record an action on it.
#pragma once
#include <nlohmann/json.hpp>

#include "shared/collections/case_record.h"
#include "shared/collections/case_requests.h"
#include "shared/collections/collections_overview.h"
#include "shared/domain/field_error.h"

namespace isp::wire {

nlohmann::json to_json(const CollectionsOverview& overview);
// The console reads it back; throws nlohmann::json::exception on bad shape.
CollectionsOverview collections_overview_from_json(const nlohmann::json& j);

nlohmann::json to_json(const CollectionCase& collection_case);
CollectionCase collection_case_from_json(const nlohmann::json& j); // throws nlohmann::json::exception on bad shape

nlohmann::json to_json(const CollectionAction& action);
CollectionAction collection_action_from_json(const nlohmann::json& j); // throws nlohmann::json::exception on bad shape

// A PUT /collections/cases/{id}/status body; each wrong field is added to `errors`.
nlohmann::json to_json(const CaseStatusChange& change);
CaseStatusChange case_status_change_from_json(const nlohmann::json& body, FieldErrors& errors);

// A POST /collections/cases/{id}/actions body; each wrong field is added to `errors`.
nlohmann::json to_json(const NewCollectionAction& action);
NewCollectionAction new_collection_action_from_json(const nlohmann::json& body, FieldErrors& errors);

} // namespace isp::wire
