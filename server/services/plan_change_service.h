// A plan change from the landing page (process map P9): moves a client's contract to
// another offer of its family from a chosen date, in the caller's transaction: the
// contract (offer, start date = the effective date, document version + 1), the offer
// period billing will prorate on, the audit entry with before and after, and the new
// document version (earlier versions stay recorded). A change dated after today is
// scheduled instead (issue #15): a pending offer change (shared/domain/scheduled_change.h),
// audited `offer_change_scheduled` with a `contract.change_scheduled` event; the contract
// keeps its offer, and is billed on it, until the scheduler carries the change out on its
// date (carry_out_offer_change), which then writes all of the above, once.
#pragma once
#include <string>
#include <string_view>

#include "shared/billing/plan_change.h"
#include "shared/domain/client.h"
#include "shared/domain/contract.h"
#include "shared/domain/offer.h"
#include "shared/domain/scheduled_change.h"
#include "shared/wire/plan_change_json.h"

namespace isp {
class Clock;
namespace store {
class Connection;
}
namespace services {
class ContractDocuments;
struct ServiceContext;
} // namespace services
} // namespace isp

namespace isp::services {

struct PlanChangeRequest {
    std::string client_id; // from the lookup token
    std::string contract_id;
    std::string target_offer_id;
    std::string effective_date; // as typed, "YYYY-MM-DD"
    Language language = Language::French;
    std::string actor = "landing"; // the audit trail's "who": a staff member's actor for staff changes
};

// Throws services::Failure: 403 contract_not_owned (unknown contract, or another
// client's: the same answer), 409 contract_not_active / same_offer / different_family,
// 400 validation_failed (target offer unknown or inactive, effective date, a later date not
// after the last pending change's), each with field errors; 409 termination_scheduled (a
// termination is pending), 409 scheduled_change_pending (dated today while an offer change
// waits).
PlanChange change_plan(store::Connection& c, const PlanChangeRequest& request, const Clock& clock,
                       const ContractDocuments& documents);

// POST /landing/submit/plan-change, in the caller's transaction: change_plan(), answered
// with the changed contract and a signed link to its new document version.
wire::PlanChangeResult submit_plan_change(store::Connection& c, ServiceContext& ctx, const PlanChangeRequest& request);

// A staff plan change (process map P6: PUT /contracts/{id}/offer): the same rules and
// writes as the landing one, on any client's contract, with `actor` in the audit trail.
// `effective_date` empty means today. Field errors name the staff body's fields
// (offer_id, effective_date). Throws services::Failure 404 contract_not_found, and the
// 409 / 400 of change_plan().
PlanChange change_plan_as_staff(store::Connection& c, const std::string& contract_id, const std::string& offer_id,
                                const std::string& effective_date, const std::string& actor, const Clock& clock,
                                const ContractDocuments& documents);

// The change itself, now: contract, offer period, audit `offer_changed` (with the
// scheduled change's id when one made it), document version, `contract.plan_changed`.
void make_offer_change(store::Connection& c, Contract& contract, const Offer& current, const Offer& target,
                       const Client& client, const Date& effective, const std::string& actor, const std::string& now,
                       const ContractDocuments& documents, const std::string& change_id = {});

// A pending offer change whose date has come, in the caller's transaction, as actor
// "system". False, and nothing written, when it cannot be made any more (the contract is
// terminated or already on that offer).
bool carry_out_offer_change(store::Connection& c, const ScheduledChange& change, const std::string& now,
                            const ContractDocuments& documents);

// 403 contract_not_owned: what every landing endpoint answers for a contract that is
// not the caller's, whether it exists or not.
[[noreturn]] void refuse_contract_not_owned();

} // namespace isp::services
