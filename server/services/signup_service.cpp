#include "server/services/signup_service.h"

#include <cstdio>

#include "server/clock/clock.h"
#include "server/security/random_id.h"
#include "server/services/contract_opening.h"
#include "server/services/failure.h"
#include "server/store/client_store.h"
#include "server/store/contract_store.h"
#include "server/store/sequence_store.h"
#include "shared/signup/messages.h"

namespace isp::services {

std::string next_contract_number(store::Connection& c, int year) {
    const std::int64_t n = store::next_in_sequence(c, "contract:" + std::to_string(year));
    char buf[32];
    std::snprintf(buf, sizeof buf, "CTR-%04d-%06lld", year, static_cast<long long>(n));
    return buf;
}

NewSubscription subscribe_new_client(store::Connection& c, const ValidSignup& s, const Offer& offer, const Clock& clock,
                                     const ContractDocuments& documents) {
    auto conflict = [&](const char* field, const char* code) {
        FieldError e = field_error(field, code, s.language);
        return Failure(FailureKind::Conflict, code, e.message, {e});
    };
    // The line first: a line that is taken gets the same answer whoever's CIN comes with
    // it, so this cannot be used to learn whether a CIN is a client's (docs/security.md).
    if (store::subscriber_has_live_contract(c, s.service_identifier))
        throw conflict("service_identifier", "service_identifier_in_use");
    if (store::find_client_by_cin(c, s.cin))
        throw conflict("cin", "verification_required");

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

    out.contract = open_contract(
        c, client, offer, {s.service_identifier, s.contract_start_date, s.commitment_months, ContractStatus::Active},
        "landing", clock, documents);
    return out;
}

} // namespace isp::services
