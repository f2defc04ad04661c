// The landing API's wire types (shared/wire): each value goes to JSON as the server
// writes it and comes back equal as the portal reads it, and the JSON has the names the
// OpenAPI description promises.
#include <doctest/doctest.h>

#include "shared/wire/bootstrap_json.h"
#include "shared/wire/cancellation_json.h"
#include "shared/wire/client_invoice_json.h"
#include "shared/wire/document_link_json.h"
#include "shared/wire/draft_json.h"
#include "shared/wire/json_reader.h"
#include "shared/wire/new_contract_json.h"
#include "shared/wire/page_json.h"
#include "shared/wire/plan_change_json.h"
#include "shared/wire/scheduled_change_json.h"
#include "shared/wire/subscription_json.h"
#include "shared/wire/verification_json.h"

using namespace isp;

namespace {

Offer fibre(std::string id, std::int64_t price) {
    return Offer{std::move(id), ServiceFamily::Internet, "Fibre", "Wi-Fi 6", {price, "MAD"}, 2000, 12, true};
}

Contract contract() {
    Contract k;
    k.contract_id = "ctr_1";
    k.contract_number = "CTR-2026-000001";
    k.offer_id = "ofr_100";
    k.service_identifier = "0522123456";
    k.contract_start_date = {2026, 12, 1};
    k.commitment_months = 12;
    k.document_version = 2;
    return k;
}

// Serialised again after the round trip: the same text, so nothing was lost or added.
template <class T, class Read> void round_trips(const T& value, Read read) {
    const nlohmann::json j = wire::to_json(value);
    const T back = read(j);
    CHECK(back == value);
    CHECK(wire::to_json(back) == j);
}

} // namespace

TEST_CASE("bootstrap: operator, today, offers by family and the signup fields") {
    wire::Bootstrap b;
    b.operator_name = "Atlas Net";
    b.operator_logo_url = "/api/v1/landing/operator-logo";
    b.currency = "MAD";
    b.today = {2026, 11, 30};
    b.families = {{ServiceFamily::Internet, "Internet", "Internet", {fibre("ofr_100", 34900), fibre("ofr_200", 44900)}},
                  {ServiceFamily::Mobile, "Mobile", "Mobile", {}}};
    b.commitment_options = {0, 12, 24};
    b.max_start_days_ahead = 90;
    b.draft_ttl_days = 30;
    round_trips(b, wire::bootstrap_from_json);

    const nlohmann::json j = wire::to_json(b);
    CHECK(j["operator"]["logo_url"] == "/api/v1/landing/operator-logo");
    CHECK(j["today"] == "2026-11-30");
    CHECK(j["families"][0]["family"] == "internet");
    CHECK(j["signup_fields"].size() > 5);
    REQUIRE(b.find_offer("ofr_200") != nullptr);
    CHECK(b.find_offer("ofr_200")->monthly_price.amount_minor == 44900);
    CHECK(b.find_offer("ofr_x") == nullptr);

    b.operator_logo_url.clear();
    CHECK_FALSE(wire::to_json(b)["operator"].contains("logo_url"));
    round_trips(b, wire::bootstrap_from_json);
}

TEST_CASE("bootstrap: a family this build does not know is skipped, not fatal") {
    wire::Bootstrap b;
    b.operator_name = "Atlas Net";
    b.today = {2026, 11, 30};
    b.families = {{ServiceFamily::Internet, "Internet", "Internet", {fibre("ofr_100", 34900)}}};
    nlohmann::json j = wire::to_json(b);
    j["families"].push_back({{"family", "satellite"}, {"offers", nlohmann::json::array()}});
    CHECK(wire::bootstrap_from_json(j).families.size() == 1);
}

TEST_CASE("drafts round-trip with their form") {
    wire::Draft d;
    d.draft_id = "drf_abc";
    d.form.cin = "AB123456";
    d.form.first_name = "Hélène";
    d.step = "details";
    d.created_at = "2026-11-30T10:00:00Z";
    d.updated_at = "2026-11-30T10:05:00Z";
    d.expires_at = "2026-12-30T10:05:00Z";
    const wire::Draft back = wire::draft_from_json(wire::to_json(d));
    CHECK(back.draft_id == d.draft_id);
    CHECK(back.form == d.form);
    CHECK(back.step == d.step);
    CHECK(back.expires_at == d.expires_at);
    CHECK(wire::to_json(back) == wire::to_json(d));
    CHECK(wire::draft_request_json(d.form, "review")["step"] == "review");
}

TEST_CASE("a new contract carries its subscriber, commitment end and document link") {
    const wire::NewContract c = wire::new_contract(
        contract(), fibre("ofr_100", 34900),
        wire::DocumentLink{"ctr_1", 2, "/api/v1/landing/contracts/ctr_1/document?token=t", "2026-12-01T00:00:00Z"});
    CHECK(c.commitment_end == "2027-11-30");
    CHECK(c.status == "active");
    round_trips(c, wire::new_contract_from_json);
    const nlohmann::json j = wire::to_json(c);
    CHECK(j["subscriber"]["service_identifier"] == "0522123456");
    CHECK(j["document_version"] == 2);

    wire::NewContract open_ended = c;
    open_ended.commitment_months = 0;
    open_ended.commitment_end.clear();
    CHECK(wire::to_json(open_ended)["commitment_end"].is_null());
    round_trips(open_ended, wire::new_contract_from_json);
}

TEST_CASE("verify-cin: the proof and the lookup token") {
    round_trips(wire::VerifyCinRequest{"AB123456", "0522123456", Language::English}, [](const nlohmann::json& j) {
        FieldErrors errors;
        auto r = wire::verify_cin_request_from_json(j, errors, wire::parse_language(j.value("language", "fr")));
        CHECK(errors.empty());
        return r;
    });
    round_trips(wire::Verification{"cli_1.1700000000.mac", "2026-11-30T10:15:00Z", "cli_1", "Amina"},
                wire::verification_from_json);

    FieldErrors errors;
    const auto j = nlohmann::json::parse(R"({"cin": 12, "service_identifier": "0522123456"})");
    (void)wire::verify_cin_request_from_json(j, errors, Language::French);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].field == "cin");
    CHECK(errors[0].code == "invalid_type");
}

TEST_CASE("subscriptions: prices and the offers a contract may move to") {
    const std::vector<Offer> catalog{fibre("ofr_100", 34900), fibre("ofr_200", 44900),
                                     Offer{"ofr_m", ServiceFamily::Mobile, "Mobile", "", {9900, "MAD"}, 2000, 0, true}};
    const wire::Subscription s = wire::subscription(contract(), catalog[0], catalog);
    REQUIRE(s.eligible_offers.size() == 1); // same family, another offer
    CHECK(s.eligible_offers[0].offer.offer_id == "ofr_200");
    CHECK(s.eligible_offers[0].direction == "upgrade");
    CHECK(s.eligible_offers[0].monthly_difference.amount_minor == 10000);
    CHECK(s.monthly_price_with_tax.amount_minor == 41880);
    CHECK(s.commitment_end == "2027-11-30");
    round_trips(s, wire::subscription_from_json);
    wire::Subscription pending = s;
    pending.scheduled_changes = {ScheduledChange{"chg_1", s.contract.contract_id, ContractStatus::Terminated,
                                                 Date{2027, 1, 15}, "cancellation", "landing", "2026-11-23T10:00:00Z",
                                                 ScheduledChangeKind::Status, ""}};
    pending.cancellable = {true};
    round_trips(pending, wire::subscription_from_json);
    CHECK(wire::to_json(pending)["scheduled_changes"][0]["cancellable"] == true);
    pending.next_invoice_period = "2026-12";
    pending.next_invoice_estimate = {18461, "MAD"};
    const wire::Subscriptions all{
        "cli_1", "Amina", {s, pending}, {EarlyTerminationRule::Kind::Fixed, 50000}, {23760, "MAD"}, {11880, "MAD"}};
    round_trips(all, wire::subscriptions_from_json);
    CHECK(wire::to_json(all)["total"] == 2);
}

TEST_CASE("a document link and a plan change round-trip") {
    const wire::DocumentLink link{"ctr_1", 3, "/api/v1/landing/contracts/ctr_1/document?token=t",
                                  "2026-12-01T00:00:00Z"};
    round_trips(link, wire::document_link_from_json);

    Contract changed = contract();
    changed.client_id = "cli_1";
    changed.offer_id = "ofr_200";
    changed.document_version = 3;
    changed.created_at = "2026-11-01T09:00:00Z";
    const wire::PlanChangeResult r{
        "ctr_1",        changed, "upgrade",   "2026-12-01", fibre("ofr_100", 34900), fibre("ofr_200", 44900),
        {10000, "MAD"}, link,    std::nullopt};
    round_trips(r, wire::plan_change_result_from_json);
    // Dated later: the pending change rides along (kind offer, its offer).
    wire::PlanChangeResult scheduled = r;
    scheduled.scheduled = ScheduledChange{"chg_1",  "ctr_1",   ContractStatus::Active, Date{2026, 12, 15},
                                          "",       "landing", "2026-11-23T10:00:00Z", ScheduledChangeKind::Offer,
                                          "ofr_200"};
    round_trips(scheduled, wire::plan_change_result_from_json);
    CHECK(wire::to_json(scheduled)["scheduled_change"]["kind"] == "offer");
    CHECK(!wire::to_json(scheduled)["scheduled_change"].contains("status"));
    CHECK(wire::to_json(r)["scheduled_change"].is_null());
    const nlohmann::json j = wire::to_json(r);
    CHECK(j["contract"]["contract_number"] == "CTR-2026-000001");
    CHECK(j["document_version"] == 3);

    const wire::PlanChangeRequest asked{"tok", "ctr_1", "ofr_200", "2026-12-01", Language::English};
    round_trips(asked, [](const nlohmann::json& body) {
        FieldErrors errors;
        auto back = wire::plan_change_request_from_json(body, errors, Language::English);
        CHECK(errors.empty());
        return back;
    });
    FieldErrors errors;
    (void)wire::plan_change_request_from_json(nlohmann::json::object(), errors, Language::English);
    CHECK(errors.size() == 3); // contract_id, target_offer_id, contract_start_date
}

TEST_CASE("a client's invoices: a page of them with links, status as of today") {
    Invoice inv;
    inv.invoice_id = "inv_1";
    inv.invoice_number = "FAC-2026-000001";
    inv.client_id = "cli_1";
    inv.period = "2026-10";
    inv.issue_date = {2026, 11, 1};
    inv.due_date = {2026, 11, 15};
    inv.currency = "MAD";
    inv.subtotal_minor = 34900;
    inv.tax_minor = 6980;
    inv.total_minor = 41880;
    const Date today{2026, 11, 30};
    wire::ClientInvoices page;
    page.invoices.push_back(
        wire::ClientInvoice{inv, invoice_status(inv, today), "/api/v1/landing/invoices/inv_1/document?token=t", "x"});
    page.pagination = wire::Pagination{1, 36, 40};
    const nlohmann::json j = wire::to_json(page, today);
    CHECK(j["pagination"]["total_pages"] == 2);
    CHECK(j["data"][0]["status"] == "overdue");
    CHECK_FALSE(j["data"][0].contains("billing_run_id"));
    const wire::ClientInvoices back = wire::client_invoices_from_json(j);
    CHECK(back.pagination == page.pagination);
    REQUIRE(back.invoices.size() == 1);
    CHECK(back.invoices[0].status == InvoiceStatus::Overdue);
    CHECK(back.invoices[0].invoice.invoice_number == "FAC-2026-000001");
    CHECK(back.invoices[0].invoice.total_minor == 41880);
    CHECK(wire::to_json(back, today) == j);
}

TEST_CASE("a cancellation: the request, the answer, and a customer's pending changes round-trip") {
    const wire::CancellationRequest asked{"tok", "2026-12-15", Language::English};
    round_trips(asked, [](const nlohmann::json& body) {
        FieldErrors errors;
        auto back = wire::cancellation_request_from_json(body, errors, Language::English);
        CHECK(errors.empty());
        return back;
    });
    FieldErrors errors;
    (void)wire::cancellation_request_from_json(nlohmann::json::object(), errors, Language::English);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].field == "termination_date");

    Contract k;
    k.contract_id = "ctr_1";
    k.client_id = "cli_1";
    k.offer_id = "ofr_1";
    k.document_version = 2;
    const Cancellation scheduled{"cnl_1", "ctr_1", "chg_1", Date{2026, 12, 15}, {79200, "MAD"}, "2026-11-23T10:00:00Z"};
    const wire::CancellationResult r{k, scheduled, {"ctr_1", 2, "/api/v1/landing/contracts/ctr_1/document?t=x", "z"}};
    round_trips(r, wire::cancellation_result_from_json);
    Cancellation today = scheduled;
    today.change_id.clear();
    CHECK(wire::to_json(today)["change_id"].is_null());
    CHECK(wire::cancellation_from_json(wire::to_json(today)) == today);

    const wire::ContractScheduledChanges pending{
        k,
        {ScheduledChange{"chg_1", "ctr_1", ContractStatus::Terminated, Date{2026, 12, 15}, "cancellation", "landing",
                         "2026-11-23T10:00:00Z", ScheduledChangeKind::Status, ""},
         ScheduledChange{"chg_2", "ctr_1", ContractStatus::Active, Date{2026, 12, 20}, "", "landing",
                         "2026-11-23T10:00:00Z", ScheduledChangeKind::Offer, "ofr_2"}}};
    round_trips(pending, wire::contract_scheduled_changes_from_json);
}
