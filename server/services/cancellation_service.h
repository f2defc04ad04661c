// A customer's cancellation from the portal (issue #15): POST /landing/contracts/{id}/
// cancellation with the lookup token, in the caller's (idempotency guard's) transaction.
// The termination is scheduled for the chosen date (made at once when dated today), the
// early termination amount computed by shared/billing/early_termination.h with the
// operator's rule and recorded for the billing run of that date's month, a new contract
// document version says both, audited as actor `landing`, and the events
// `contract.change_scheduled` (dated later) and `contract.cancellation_requested` (which
// the customer's e-mail is made from) are written.
#pragma once
#include <string>

#include "shared/domain/field_error.h"
#include "shared/wire/cancellation_json.h"

namespace isp::store {
class Connection;
}

namespace isp::services {
struct ServiceContext;

struct CancellationRequest {
    std::string client_id; // from the lookup token
    std::string contract_id;
    std::string termination_date; // as typed, "YYYY-MM-DD"
    Language language = Language::French;
};

// Throws services::Failure: 403 contract_not_owned (unknown contract or another client's),
// 409 already_terminated, 409 termination_scheduled (one is pending already), 409
// scheduled_change_pending (dated today while changes wait), 400 validation_failed on
// termination_date (required, invalid_date, termination_date_in_past,
// termination_date_too_far: over a year after the commitment's end or today,
// effective_before_scheduled_change, effective_before_last_change).
wire::CancellationResult cancel_contract(store::Connection& c, ServiceContext& context,
                                         const CancellationRequest& request);

} // namespace isp::services
