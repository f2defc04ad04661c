#include "server/services/contract_opening.h"

#include "server/clock/clock.h"
#include "server/security/random_id.h"
#include "server/services/contract_documents.h"
#include "server/services/event_outbox.h"
#include "server/services/signup_service.h"
#include "server/store/contract_store.h"
#include "shared/wire/contract_json.h"

namespace isp::services {

Contract open_contract(store::Connection& c, const Client& client, const Offer& offer, const ContractTerms& terms,
                       std::string_view actor, const Clock& clock, const ContractDocuments& documents) {
    const std::string now = clock.now_iso();
    Contract contract;
    contract.contract_id = security::new_id("ctr_", 10);
    contract.contract_number = next_contract_number(c, clock.today_utc().year);
    contract.client_id = client.client_id;
    contract.offer_id = offer.offer_id;
    contract.service_identifier = terms.service_identifier;
    contract.contract_start_date = terms.contract_start_date;
    contract.commitment_months = terms.commitment_months;
    contract.status = terms.status;
    contract.document_version = 1;
    contract.created_at = now;
    store::insert_contract(c, contract);
    store::record_offer_period(c, contract.contract_id, contract.offer_id, contract.contract_start_date, now);
    store::record_status_period(c, contract.contract_id, contract.status, contract.contract_start_date, now);
    store::append_contract_audit(
        c, {contract.contract_id, now, std::string{actor}, "created", std::nullopt, wire::to_json(contract).dump()});
    documents.record_version(c, client, offer, contract);
    record_contract_event(
        c, "contract.created", contract,
        {{"contract_number", contract.contract_number},
         {"service_family", std::string{to_string(offer.family)}},
         {"status", std::string{to_string(contract.status)}},
         {"contract_start_date", contract.contract_start_date.to_iso()},
         {"commitment_months", contract.commitment_months},
         {"monthly_price",
          {{"amount_minor", offer.monthly_price.amount_minor}, {"currency", offer.monthly_price.currency}}}},
        now);
    return contract;
}

} // namespace isp::services
