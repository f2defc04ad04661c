#include "server/services/cancellation_service.h"

#include <nlohmann/json.hpp>

#include "server/clock/clock.h"
#include "server/config/server_config.h"
#include "server/security/random_id.h"
#include "server/services/contract_documents.h"
#include "server/services/contract_status_service.h"
#include "server/services/event_outbox.h"
#include "server/services/failure.h"
#include "server/services/plan_change_service.h"
#include "server/services/service_context.h"
#include "server/store/cancellation_store.h"
#include "server/store/catalog_store.h"
#include "server/store/client_store.h"
#include "server/store/contract_store.h"
#include "server/store/scheduled_change_store.h"
#include "shared/billing/early_termination.h"
#include "shared/domain/text.h"
#include "shared/signup/messages.h"
#include "shared/wire/problem_codes.h"

namespace isp::services {
namespace {

constexpr const char* cancelling_actor = "landing";
constexpr const char* cancellation_reason = "cancellation";

[[noreturn]] void refuse_termination_date(const char* code, Language language) {
    throw Failure(FailureKind::Invalid, wire::problem::validation_failed,
                  language == Language::French ? "Certains champs sont invalides ; voir errors."
                                               : "Some fields are invalid; see errors.",
                  {field_error("termination_date", code, language)});
}

} // namespace

wire::CancellationResult cancel_contract(store::Connection& c, ServiceContext& context, const CancellationRequest& r) {
    auto contract = store::find_contract(c, r.contract_id);
    if (!contract || contract->client_id != r.client_id)
        refuse_contract_not_owned();
    const bool french = r.language == Language::French;
    if (contract->status == ContractStatus::Terminated)
        throw Failure(FailureKind::Conflict, wire::problem::already_terminated,
                      french ? "Ce contrat est d\u00e9j\u00e0 r\u00e9sili\u00e9."
                             : "This contract is terminated already.");
    const auto pending = store::list_pending_changes(c, contract->contract_id);
    if (const ScheduledChange* termination = pending_termination(pending))
        throw Failure(FailureKind::Conflict, wire::problem::termination_scheduled,
                      french ? "La r\u00e9siliation de ce contrat est d\u00e9j\u00e0 programm\u00e9e au " +
                                   termination->effective_date.to_iso() + "."
                             : "This contract's termination is already scheduled for " +
                                   termination->effective_date.to_iso() + ".");

    const std::string typed{trim(r.termination_date)};
    if (typed.empty())
        refuse_termination_date("required", r.language);
    const auto date = parse_iso_date(typed);
    if (!date)
        refuse_termination_date("invalid_date", r.language);
    const Date today = context.clock.today_utc();
    if (*date < today)
        refuse_termination_date("termination_date_in_past", r.language);
    const std::optional<Date> end = commitment_end(contract->contract_start_date, contract->commitment_months);
    // A date far off would hold the line and the scheduler's list for nothing.
    const Date latest = (end && today < *end ? *end : today).plus_days(366);
    if (latest < *date)
        refuse_termination_date("termination_date_too_far", r.language);
    const auto periods = store::list_status_periods(c, contract->contract_id);
    if (!periods.empty() && *date < periods.back().effective_from)
        refuse_termination_date("effective_before_last_change", r.language);
    if (!pending.empty() && !(pending.back().effective_date < *date)) {
        if (*date <= today)
            throw Failure(FailureKind::Conflict, wire::problem::scheduled_change_pending,
                          french ? "Un changement est programm\u00e9 sur ce contrat : annulez-le d'abord."
                                 : "A change is scheduled on this contract (" +
                                       describe_scheduled_change(pending.front()) + "): cancel it first.");
        refuse_termination_date("effective_before_scheduled_change", r.language);
    }

    const auto offer = store::find_offer(c, contract->offer_id);
    const auto client = store::find_client(c, contract->client_id);
    if (!offer || !client)
        throw Failure(FailureKind::Unavailable, wire::problem::store_unavailable,
                      "The contract's records are incomplete; retry later.");

    const std::string now = context.clock.now_iso();
    Cancellation cancellation;
    cancellation.cancellation_id = security::new_id("cnl_", 10);
    cancellation.contract_id = contract->contract_id;
    cancellation.termination_date = *date;
    cancellation.early_termination_amount =
        early_termination_amount(context.config.early_termination_rule, *date, end, offer->monthly_price);
    cancellation.requested_at = now;

    if (*date <= today) {
        make_status_change(c, *contract, ContractStatus::Terminated, *date, cancellation_reason, cancelling_actor, now);
    } else {
        ScheduledChange change{security::new_id("chg_", 10),
                               contract->contract_id,
                               ContractStatus::Terminated,
                               *date,
                               cancellation_reason,
                               cancelling_actor,
                               now,
                               ScheduledChangeKind::Status,
                               ""};
        store::insert_scheduled_change(c, change);
        cancellation.change_id = change.change_id;
        const nlohmann::json told = {{"change_id", change.change_id},
                                     {"kind", "status"},
                                     {"status", "terminated"},
                                     {"effective_date", date->to_iso()},
                                     {"reason", cancellation_reason}};
        store::append_contract_audit(c, {contract->contract_id, now, cancelling_actor, "status_change_scheduled",
                                         nlohmann::json{{"status", std::string{to_string(contract->status)}}}.dump(),
                                         told.dump()});
        record_contract_event(c, "contract.change_scheduled", *contract, told, now);
    }
    store::insert_cancellation(c, cancellation);

    // The new version is the customer's record of what they asked for, and of the amount.
    contract->document_version += 1;
    store::update_contract_offer(c, *contract, now);
    context.documents.record_version(c, *client, *offer, *contract, cancellation);
    const nlohmann::json recorded = wire::to_json(cancellation);
    store::append_contract_audit(
        c, {contract->contract_id, now, cancelling_actor, "cancellation_requested", std::nullopt, recorded.dump()});
    record_contract_event(c, "contract.cancellation_requested", *contract,
                          {{"cancellation_id", cancellation.cancellation_id},
                           {"change_id", recorded.at("change_id")},
                           {"termination_date", date->to_iso()},
                           {"early_termination_amount", recorded.at("early_termination_amount")},
                           {"document_version", contract->document_version}},
                          now);
    return wire::CancellationResult{*contract, cancellation, context.documents.current_link(*contract)};
}

} // namespace isp::services
