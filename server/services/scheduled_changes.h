// Pending changes of a contract (issue #15; shared/domain/scheduled_change.h): status changes
// (services/contract_status_service.h) and offer changes (services/plan_change_service.h)
// dated later. Cancelled by staff, or by the customer for the ones the customer asked for
// (from the portal), until their date; carried out by the server on that date, each exactly
// once: the change's state moves from `pending` in the transaction that makes the change.
#pragma once
#include <string>
#include <string_view>

#include "shared/domain/contract_detail.h"

namespace isp::services {
struct ServiceContext;
class ClientIdentity;

// Staff's cancellation (DELETE /contracts/{id}/scheduled-changes/{change_id}). Throws
// services::Failure 404 contract_not_found, 404 scheduled_change_not_found (unknown, another
// contract's, or no longer pending), 409 scheduled_change_needed (a later status change
// depends on it: cancel that one first). A cancelled termination withdraws its cancellation
// (and the early termination amount with it).
ContractDetail cancel_scheduled_change(ServiceContext& context, const std::string& contract_id,
                                       const std::string& change_id, const std::string& actor);

// The customer's cancellation from the portal (DELETE /landing/contracts/{id}/scheduled-
// changes/{change_id}), audited as actor `landing`: only their own contract (403
// contract_not_owned otherwise, unknown contracts too) and only a change they asked for
// (403 scheduled_change_not_cancellable: staff's changes are staff's to cancel); then as above.
ContractDetail cancel_scheduled_change_as_customer(ServiceContext& context, const ClientIdentity& identity,
                                                   std::string_view lookup_token, const std::string& contract_id,
                                                   const std::string& change_id);

// Whether the customer may cancel it from the portal: it is one they asked for.
bool cancellable_by_customer(const ScheduledChange& change);

// Makes every pending change whose date has come (the clock's today), oldest first, each in
// its own transaction, as actor "system"; returns how many were made. Safe to call from
// several threads and again after a crash: a change is made once.
int carry_out_due_changes(ServiceContext& context);

} // namespace isp::services
