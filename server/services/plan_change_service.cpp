#include "server/services/plan_change_service.h"

#include "server/clock/clock.h"
#include "server/security/random_id.h"
#include "server/services/contract_documents.h"
#include "server/services/event_outbox.h"
#include "server/services/failure.h"
#include "server/services/service_context.h"
#include "server/store/catalog_store.h"
#include "server/store/client_store.h"
#include "server/store/contract_store.h"
#include "server/store/scheduled_change_store.h"
#include "shared/domain/text.h"
#include "shared/signup/messages.h"
#include "shared/wire/contract_json.h"
#include "shared/wire/offer_json.h"
#include "shared/wire/problem_codes.h"

namespace isp::services {
namespace {

bool has_code(const FieldErrors& errors, std::string_view code) {
    for (const FieldError& e : errors)
        if (e.code == code)
            return true;
    return false;
}

} // namespace

void refuse_contract_not_owned() {
    throw Failure(FailureKind::Forbidden, wire::problem::contract_not_owned,
                  "This contract is not one of yours. Check the contract, or verify your identity again.");
}

PlanChange change_plan(store::Connection& c, const PlanChangeRequest& r, const Clock& clock,
                       const ContractDocuments& documents) {
    auto contract = store::find_contract(c, r.contract_id);
    if (!contract || contract->client_id != r.client_id)
        refuse_contract_not_owned();
    const auto current = store::find_offer(c, contract->offer_id);
    const auto client = store::find_client(c, contract->client_id);
    if (!current || !client)
        throw Failure(FailureKind::Unavailable, wire::problem::store_unavailable,
                      "The contract's records are incomplete; retry later.");
    const auto target = r.target_offer_id.empty() ? std::nullopt : store::find_offer(c, r.target_offer_id);

    FieldErrors errors = check_plan_change(*contract, *current, target ? &*target : nullptr, r.effective_date,
                                           clock.today_utc(), r.language);
    if (!errors.empty()) {
        // Refusals about the state of the contract or the choice of offer are conflicts
        // (409) with their own code; anything else is a plain validation failure.
        for (const char* code : {"contract_not_active", "different_family", "same_offer"}) {
            if (has_code(errors, code)) {
                std::string detail{validation_message(code, r.language)};
                throw Failure(FailureKind::Conflict, code, std::move(detail), std::move(errors));
            }
        }
        throw Failure(FailureKind::Invalid, wire::problem::validation_failed,
                      r.language == Language::French ? "Certains champs sont invalides ; voir errors."
                                                     : "Some fields are invalid; see errors.",
                      std::move(errors));
    }

    const Date effective = *parse_iso_date(trim(r.effective_date));
    const Date today = clock.today_utc();
    const auto pending = store::list_pending_changes(c, contract->contract_id);
    // The chain of pending changes stays one the server can carry out: nothing after a
    // termination, and dates in order.
    if (const ScheduledChange* termination = pending_termination(pending))
        throw Failure(FailureKind::Conflict, wire::problem::termination_scheduled,
                      r.language == Language::French
                          ? "Ce contrat sera r\u00e9sili\u00e9 le " + termination->effective_date.to_iso() +
                                " : annulez la r\u00e9siliation avant de changer d'offre."
                          : "This contract is terminated from " + termination->effective_date.to_iso() +
                                ": cancel the termination before changing its offer.");

    const std::string now = clock.now_iso();
    PlanChange out;
    out.previous_offer = *current;
    out.offer = *target;
    out.direction = plan_change_direction(*current, *target);
    out.monthly_difference = monthly_difference(*current, *target);

    if (effective <= today) {
        if (const ScheduledChange* waiting = pending_offer_change(pending))
            throw Failure(FailureKind::Conflict, wire::problem::scheduled_change_pending,
                          r.language == Language::French
                              ? "Un changement d'offre est d\u00e9j\u00e0 programm\u00e9 au " +
                                    waiting->effective_date.to_iso() + " : annulez-le d'abord."
                              : "An offer change is already scheduled for " + waiting->effective_date.to_iso() + " (" +
                                    waiting->change_id + "): cancel it first.");
        make_offer_change(c, *contract, *current, *target, *client, effective, r.actor, now, documents);
        out.contract = *contract;
        return out;
    }

    // Later: the contract stays on its offer until the date; the scheduler makes the change.
    if (!pending.empty() && !(pending.back().effective_date < effective))
        throw Failure(FailureKind::Invalid, wire::problem::validation_failed,
                      r.language == Language::French ? "Certains champs sont invalides ; voir errors."
                                                     : "Some fields are invalid; see errors.",
                      {field_error("contract_start_date", "effective_before_scheduled_change", r.language)});
    ScheduledChange change;
    change.change_id = security::new_id("chg_", 10);
    change.contract_id = contract->contract_id;
    change.kind = ScheduledChangeKind::Offer;
    change.offer_id = target->offer_id;
    change.status = contract->status;
    change.effective_date = effective;
    change.requested_by = r.actor;
    change.requested_at = now;
    store::insert_scheduled_change(c, change);
    nlohmann::json told = {{"change_id", change.change_id},
                           {"kind", "offer"},
                           {"offer_id", target->offer_id},
                           {"previous_offer_id", current->offer_id},
                           {"effective_date", effective.to_iso()},
                           {"direction", std::string{to_string(out.direction)}},
                           {"reason", ""}};
    store::append_contract_audit(c, {contract->contract_id, now, r.actor, "offer_change_scheduled",
                                     nlohmann::json{{"offer_id", current->offer_id}}.dump(), told.dump()});
    told["monthly_difference"] = {{"amount_minor", out.monthly_difference.amount_minor},
                                  {"currency", out.monthly_difference.currency}};
    record_contract_event(c, "contract.change_scheduled", *contract, std::move(told), now);
    out.contract = *contract;
    out.scheduled = std::move(change);
    return out;
}

void make_offer_change(store::Connection& c, Contract& contract, const Offer& current, const Offer& target,
                       const Client& client, const Date& effective, const std::string& actor, const std::string& now,
                       const ContractDocuments& documents, const std::string& change_id) {
    const PlanDirection direction = plan_change_direction(current, target);
    const Money difference = monthly_difference(current, target);
    const nlohmann::json before = {{"contract", wire::to_json(contract)}, {"offer", wire::to_json(current)}};
    // Process map P9: the chosen date becomes the contract's start date for the new offer.
    contract.offer_id = target.offer_id;
    contract.contract_start_date = effective;
    contract.document_version += 1;
    store::update_contract_offer(c, contract, now);
    store::record_offer_period(c, contract.contract_id, target.offer_id, contract.contract_start_date, now);
    nlohmann::json after = {{"contract", wire::to_json(contract)},
                            {"offer", wire::to_json(target)},
                            {"direction", std::string{to_string(direction)}}};
    if (!change_id.empty())
        after["change_id"] = change_id;
    store::append_contract_audit(c, {contract.contract_id, now, actor, "offer_changed", before.dump(), after.dump()});
    documents.record_version(c, client, target, contract);
    nlohmann::json data = {
        {"previous_offer_id", current.offer_id},
        {"service_family", std::string{to_string(target.family)}},
        {"effective_date", contract.contract_start_date.to_iso()},
        {"direction", std::string{to_string(direction)}},
        {"monthly_price",
         {{"amount_minor", target.monthly_price.amount_minor}, {"currency", target.monthly_price.currency}}},
        {"monthly_difference", {{"amount_minor", difference.amount_minor}, {"currency", difference.currency}}}};
    if (!change_id.empty())
        data["change_id"] = change_id;
    record_contract_event(c, "contract.plan_changed", contract, std::move(data), now);
}

bool carry_out_offer_change(store::Connection& c, const ScheduledChange& change, const std::string& now,
                            const ContractDocuments& documents) {
    auto contract = store::find_contract(c, change.contract_id);
    if (!contract || contract->status == ContractStatus::Terminated || contract->offer_id == change.offer_id)
        return false;
    const auto current = store::find_offer(c, contract->offer_id);
    const auto target = store::find_offer(c, change.offer_id);
    const auto client = store::find_client(c, contract->client_id);
    if (!current || !target || !client)
        return false;
    // The customer agreed to the offer as it was sold: a withdrawal since does not undo it.
    make_offer_change(c, *contract, *current, *target, *client, change.effective_date, "system", now, documents,
                      change.change_id);
    return true;
}

PlanChange change_plan_as_staff(store::Connection& c, const std::string& contract_id, const std::string& offer_id,
                                const std::string& effective_date, const std::string& actor, const Clock& clock,
                                const ContractDocuments& documents) {
    const auto contract = store::find_contract(c, contract_id);
    if (!contract)
        throw Failure(FailureKind::NotFound, "contract_not_found", "No contract " + contract_id + ".");
    PlanChangeRequest r;
    r.client_id = contract->client_id; // staff act on any client's contract
    r.contract_id = contract_id;
    r.target_offer_id = offer_id;
    r.effective_date = effective_date.empty() ? clock.today_utc().to_iso() : effective_date;
    r.language = Language::English;
    r.actor = actor;
    try {
        return change_plan(c, r, clock, documents);
    } catch (Failure& e) {
        // The landing body's names, translated to the staff body's.
        for (FieldError& f : e.errors) {
            if (f.field == "target_offer_id")
                f.field = "offer_id";
            else if (f.field == "contract_start_date")
                f.field = "effective_date";
        }
        throw;
    }
}

wire::PlanChangeResult submit_plan_change(store::Connection& c, ServiceContext& ctx, const PlanChangeRequest& request) {
    const PlanChange done = change_plan(c, request, ctx.clock, ctx.documents);
    return wire::PlanChangeResult{done.contract.contract_id,
                                  done.contract,
                                  std::string{to_string(done.direction)},
                                  done.scheduled ? done.scheduled->effective_date.to_iso()
                                                 : done.contract.contract_start_date.to_iso(),
                                  done.previous_offer,
                                  done.offer,
                                  done.monthly_difference,
                                  ctx.documents.current_link(done.contract),
                                  done.scheduled};
}

} // namespace isp::services
