#include "server/services/plan_change_service.h"

#include "server/clock/clock.h"
#include "server/services/contract_documents.h"
#include "server/services/event_outbox.h"
#include "server/services/failure.h"
#include "server/services/service_context.h"
#include "server/store/catalog_store.h"
#include "server/store/client_store.h"
#include "server/store/contract_store.h"
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

    const std::string now = clock.now_iso();
    const nlohmann::json before = {{"contract", wire::to_json(*contract)}, {"offer", wire::to_json(*current)}};
    PlanChange out;
    out.previous_offer = *current;
    out.offer = *target;
    out.direction = plan_change_direction(*current, *target);
    out.monthly_difference = monthly_difference(*current, *target);

    // Process map P9: the chosen date becomes the contract's start date for the new offer.
    contract->offer_id = target->offer_id;
    contract->contract_start_date = *parse_iso_date(trim(r.effective_date));
    contract->document_version += 1;
    store::update_contract_offer(c, *contract, now);
    store::record_offer_period(c, contract->contract_id, target->offer_id, contract->contract_start_date, now);
    const nlohmann::json after = {{"contract", wire::to_json(*contract)},
                                  {"offer", wire::to_json(*target)},
                                  {"direction", std::string{to_string(out.direction)}}};
    store::append_contract_audit(c,
                                 {contract->contract_id, now, r.actor, "offer_changed", before.dump(), after.dump()});
    documents.record_version(c, *client, *target, *contract);
    record_contract_event(
        c, "contract.plan_changed", *contract,
        {{"previous_offer_id", current->offer_id},
         {"service_family", std::string{to_string(target->family)}},
         {"effective_date", contract->contract_start_date.to_iso()},
         {"direction", std::string{to_string(out.direction)}},
         {"monthly_price",
          {{"amount_minor", target->monthly_price.amount_minor}, {"currency", target->monthly_price.currency}}},
         {"monthly_difference",
          {{"amount_minor", out.monthly_difference.amount_minor}, {"currency", out.monthly_difference.currency}}}},
        now);
    out.contract = *contract;
    return out;
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
                                  done.contract.contract_start_date.to_iso(),
                                  done.previous_offer,
                                  done.offer,
                                  done.monthly_difference,
                                  ctx.documents.current_link(done.contract)};
}

} // namespace isp::services
