#include "server/services/signup_service.h"

#include <cstdio>

#include "server/clock/clock.h"
#include "server/security/random_id.h"
#include "server/services/contract_documents.h"
#include "server/services/contract_opening.h"
#include "server/services/failure.h"
#include "server/services/service_context.h"
#include "server/store/catalog_store.h"
#include "server/store/client_store.h"
#include "server/store/contract_store.h"
#include "server/store/draft_store.h"
#include "server/store/sequence_store.h"
#include "shared/signup/messages.h"
#include "shared/wire/problem_codes.h"

namespace isp::services {

std::string next_contract_number(store::Connection& c, int year) {
    const std::int64_t n = store::next_in_sequence(c, "contract:" + std::to_string(year));
    char buf[32];
    std::snprintf(buf, sizeof buf, "CTR-%04d-%06lld", year, static_cast<long long>(n));
    return buf;
}

namespace {

Failure signup_conflict(const char* field, const char* code, Language language) {
    FieldError e = field_error(field, code, language);
    return Failure(FailureKind::Conflict, code, e.message, {e});
}

} // namespace

NewSubscription subscribe_new_client(store::Connection& c, const ValidSignup& s, const Offer& offer, const Clock& clock,
                                     const ContractDocuments& documents) {
    // The line first: a line that is taken gets the same answer whoever's CIN comes with
    // it, so this cannot be used to learn whether a CIN is a client's (docs/security.md).
    if (store::subscriber_has_live_contract(c, s.service_identifier))
        throw signup_conflict("service_identifier", wire::problem::service_identifier_in_use, s.language);
    if (store::find_client_by_cin(c, s.cin))
        throw signup_conflict("cin", wire::problem::verification_required, s.language);

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

NewSubscription subscribe_known_client(store::Connection& c, const Client& client, const ValidSignup& s,
                                       const Offer& offer, const Clock& clock, const ContractDocuments& documents) {
    if (store::subscriber_has_live_contract(c, s.service_identifier))
        throw signup_conflict("service_identifier", wire::problem::service_identifier_in_use, s.language);
    NewSubscription out;
    out.client = client;
    out.offer = offer;
    out.contract = open_contract(
        c, client, offer, {s.service_identifier, s.contract_start_date, s.commitment_months, ContractStatus::Active},
        "landing", clock, documents);
    return out;
}

wire::NewContract submit_signup(store::Connection& c, ServiceContext& ctx, const SignupForm& form,
                                const std::string& draft_id, const std::string& known_client_id) {
    const auto offer = store::find_offer(c, form.offer_id);
    const Applicant applicant = known_client_id.empty() ? Applicant::NewClient : Applicant::KnownClient;
    SignupCheck check = check_signup(form, offer ? &*offer : nullptr, ctx.clock.today_utc(), applicant);
    if (!check.valid)
        throw Failure(FailureKind::Invalid, wire::problem::validation_failed,
                      form.language == Language::French ? "Certains champs sont invalides ; voir errors."
                                                        : "Some fields are invalid; see errors.",
                      std::move(check.errors));
    std::optional<Client> known;
    if (!known_client_id.empty()) {
        // The token names a client that existed when it was issued; one erased since (staff
        // deleting a record without history) has nothing left to add a line to.
        known = store::find_client(c, known_client_id);
        if (!known)
            throw Failure(FailureKind::Unauthenticated, wire::problem::lookup_token_invalid,
                          "The lookup token's client no longer exists; verify again.");
    }
    const NewSubscription created =
        known ? subscribe_known_client(c, *known, *check.valid, *offer, ctx.clock, ctx.documents)
              : subscribe_new_client(c, *check.valid, *offer, ctx.clock, ctx.documents);
    if (!draft_id.empty())
        store::delete_draft(c, draft_id);
    return wire::new_contract(created.contract, created.offer, ctx.documents.current_link(created.contract));
}

} // namespace isp::services
