// Wire format of contracts as staff read them (process map P4-P6): a contract in a list
// (with its offer's service family), its detail (offer and histories), its audit trail,
// and the answer of a staff plan change.
#pragma once
#include <optional>

#include <nlohmann/json.hpp>

#include "shared/billing/plan_change.h"
#include "shared/domain/contract.h"
#include "shared/domain/contract_detail.h"
#include "shared/domain/contract_history.h"
#include "shared/domain/offer.h"

namespace isp::wire {

// The contract's wire form (contract_json.h) plus "service": its offer's family, or null.
nlohmann::json contract_summary_json(const Contract& contract, const std::optional<Offer>& offer);

// The summary plus "offer", "offer_periods", "status_periods" and "scheduled_changes" (the
// pending ones, by date).
nlohmann::json to_json(const ContractDetail& detail);

// The detail as to_json writes it (the staff console reads it; "service" is the offer's
// family, so it is not kept). Throws nlohmann::json::exception on a bad shape.
ContractDetail contract_detail_from_json(const nlohmann::json& j);

// {audit_id, contract_id, at, actor, action, before, after}: before and after are stored
// as JSON text and shown as JSON (as text when they do not parse).
nlohmann::json to_json(const AuditRecord& record);
// An entry as to_json writes it: before and after back as JSON text (a JSON string as its
// text, null as none). Throws nlohmann::json::exception on a bad shape.
AuditRecord audit_record_from_json(const nlohmann::json& j);

// The detail after a staff plan change, with "plan_change": {direction, previous_offer_id,
// effective_date, monthly_difference}.
nlohmann::json staff_plan_change_json(const ContractDetail& detail, const PlanChange& change);

} // namespace isp::wire
