#include "server/services/signup_service.h"

#include <cstdio>

#include "server/clock/clock.h"
#include "server/http/problem.h"
#include "server/security/random_id.h"
#include "server/services/contract_documents.h"
#include "server/store/client_store.h"
#include "server/store/contract_store.h"
#include "server/store/sequence_store.h"
#include "shared/signup/messages.h"
#include "shared/wire/contract_json.h"

namespace isp::services {

std::string next_contract_number(store::Connection& c, int year) {
    const std::int64_t n = store::next_in_sequence(c, "contract:" + std::to_string(year));
    char buf[32];
    std::snprintf(buf, sizeof buf, "CTR-%04d-%06lld", year, static_cast<long long>(n));
    return buf;
}

NewSubscription subscribe_new_client(store::Connection& c, const ValidSignup& s, const Offer& offer,
                                     const Clock& clock, const ContractDocuments& documents) {
    auto conflict = [&](const char* field, const char* code) {
        FieldError e = field_error(field, code, s.language);
        return http::ApiError(409, code, e.message, {e});
    };
    if (store::find_client_by_cin(c, s.cin))
        throw conflict("cin", "verification_required");
    if (store::subscriber_has_live_contract(c, s.service_identifier))
        throw conflict("service_identifier", "service_identifier_in_use");

    const std::string now = clock.now_iso();
    NewSubscription out;
    out.offer = offer;
    Client& client = out.client;
    client.client_id = security::new_id("cli_", 10);
    client.cin = s.cin;
    client.first_name = s.first_name;
    client.last_name = s.last_name;
    client.phone = s.phone;
    client.email = s.email;
    client.address = s.address;
    client.language = s.language;
    client.created_at = now;
    store::insert_client(c, client);

    Contract& contract = out.contract;
    contract.contract_id = security::new_id("ctr_", 10);
    contract.contract_number = next_contract_number(c, clock.today_utc().year);
    contract.client_id = client.client_id;
    contract.offer_id = offer.offer_id;
    contract.service_identifier = s.service_identifier;
    contract.contract_start_date = s.contract_start_date;
    contract.commitment_months = s.commitment_months;
    contract.status = ContractStatus::Active;
    contract.document_version = 1;
    contract.created_at = now;
    store::insert_contract(c, contract);
    store::record_offer_period(c, contract.contract_id, contract.offer_id, contract.contract_start_date, now);
    store::record_status_period(c, contract.contract_id, contract.status, contract.contract_start_date, now);

    store::append_contract_audit(c, {contract.contract_id, now, "landing", "created", std::nullopt,
                                     wire::to_json(contract).dump()});
    documents.record_version(c, client, offer, contract);
    return out;
}

} // namespace isp::services
