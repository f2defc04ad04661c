// Wire format of events (shared/domain/event.h), as GET /api/v1/events lists them:
// {sequence, event_id, type, occurred_at, contract_id, client_id, data}, `data` an object.
#pragma once
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

#include "shared/domain/event.h"
#include "shared/domain/invoice.h"

namespace isp::wire {

nlohmann::json to_json(const Event& event);
// Throws nlohmann::json::exception on a bad shape.
Event event_from_json(const nlohmann::json& j);

// The `data` of an invoice.issued event as JSON text: invoice_id, invoice_number,
// billing_run_id, contract_id, client_id, service_identifier, period, period_start,
// period_end, issue_date, due_date, subtotal, tax, total (money objects). Written directly,
// not through a json object: a billing run writes 100,000 of them in its transaction.
std::string invoice_issued_data(const Invoice& invoice, std::string_view service_identifier);
// What a billing run stores as an invoice.issued event's data: {"invoice_id": ...}. Every
// fact above is the invoice's own and never changes once issued, so readers of the outbox
// write the data from the invoice (server/store/event_store.cpp): the run writes 100,000
// short rows instead of 100,000 long ones.
std::string invoice_issued_reference(const Invoice& invoice);

} // namespace isp::wire
