#include "server/services/contract_provisioning.h"

#include <algorithm>

#include "server/clock/clock.h"
#include "server/services/contract_opening.h"
#include "server/services/failure.h"
#include "server/services/service_context.h"
#include "server/store/catalog_store.h"
#include "server/store/client_store.h"
#include "server/store/contract_store.h"
#include "server/store/database.h"
#include "shared/domain/service_identifier.h"
#include "shared/domain/text.h"
#include "shared/signup/messages.h"
#include "shared/signup/signup_form.h"

namespace isp::services {
namespace {

constexpr Language staff_language = Language::English;

[[noreturn]] void refuse(FieldErrors errors) {
    throw Failure(FailureKind::Invalid, "validation_failed", "The contract has invalid fields; see errors.",
                  std::move(errors));
}

// Where the service identifier sits in each body, for field errors.
const char* subscriber_field(const ContractOrder& o) {
    return o.manual ? "service_identifier" : "subscriber.service_identifier";
}

} // namespace

Contract place_contract_order(ServiceContext& context, const ContractOrder& order, const std::string& actor) {
    return context.db.write([&](store::Connection& c) { return place_contract_order(c, context, order, actor); });
}

Contract place_contract_order(store::Connection& c, ServiceContext& context, const ContractOrder& o,
                              const std::string& actor) {
    const Date today = context.clock.today_utc();
    FieldErrors errors;
    auto bad = [&](const char* field, const char* code) { errors.push_back(field_error(field, code, staff_language)); };
    const auto client = store::find_client(c, o.client_id);
    if (!client)
        bad("client_id", "unknown_client");
    const auto offer = store::find_offer(c, o.offer_id);
    if (!offer)
        bad("offer_id", "unknown_offer");
    else if (!offer->active && !o.manual)
        bad("offer_id", "offer_inactive");

    ContractTerms terms;
    terms.status = o.status;
    if (offer) {
        std::string code;
        if (auto id = normalize_service_identifier(offer->family, o.service_identifier, code))
            terms.service_identifier = *id;
        else
            bad(subscriber_field(o), code.c_str());
    }
    // Staff may record a contract that started before today (a line taken over from
    // paper records); the future limit is the signup form's.
    if (const auto start = parse_iso_date(trim(o.contract_start_date)); !start)
        bad("contract_start_date", "invalid_date");
    else if (days_between(today, *start) > max_start_days_ahead)
        bad("contract_start_date", "start_date_too_far");
    else
        terms.contract_start_date = *start;
    terms.commitment_months = o.commitment_months.value_or(offer ? offer->commitment_months : 0);
    const bool known = std::find(std::begin(commitment_options), std::end(commitment_options),
                                 terms.commitment_months) != std::end(commitment_options);
    if (!known || (offer && terms.commitment_months < offer->commitment_months))
        bad("commitment_months", "invalid_commitment");
    if (!errors.empty())
        refuse(std::move(errors));

    if (store::subscriber_has_live_contract(c, terms.service_identifier)) {
        FieldError e = field_error(subscriber_field(o), "service_identifier_in_use", staff_language);
        throw Failure(FailureKind::Conflict, "service_identifier_in_use",
                      "Subscriber " + terms.service_identifier +
                          " already has a contract that is not terminated; terminate it first.",
                      {e});
    }
    return open_contract(c, *client, *offer, terms, actor, context.clock, context.documents);
}

} // namespace isp::services
