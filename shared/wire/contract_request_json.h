// Wire format of what staff send about contracts (process map P4-P6): the provisioning
// and manual contract bodies (POST /contracts/provision, POST /contracts) and the status
// change (PUT /contracts/{id}/status). Readers add each wrong field to `errors`, with
// messages for staff (English), and never throw.
#pragma once
#include <nlohmann/json.hpp>

#include "shared/domain/contract_requests.h"
#include "shared/domain/field_error.h"

namespace isp::wire {

// P4: client_id, offer_id, contract_start_date, {subscriber: {service_identifier}},
// optional commitment_months and provisioning_intent ("auto" only).
ContractOrder provision_order_from_json(const nlohmann::json& body, FieldErrors& errors);
// P5: the same with service_identifier at the top level and an optional status (active
// or suspended); the order comes back with `manual` set.
ContractOrder manual_order_from_json(const nlohmann::json& body, FieldErrors& errors);
// The body of either path, by order.manual.
nlohmann::json to_json(const ContractOrder& order);

// P6: status required; effective_date (a date) and reason (one line, at most 500
// characters) optional.
StatusChangeRequest status_change_from_json(const nlohmann::json& body, FieldErrors& errors);
nlohmann::json to_json(const StatusChangeRequest& request);

} // namespace isp::wire
