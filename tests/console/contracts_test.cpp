// The contracts section: the list and its filters, provisioning for a customer (its key kept
// across a retry), suspend / resume / terminate from a date with a reason, a move to another
// offer, the document versions opened in a new tab, and what a viewer is offered.
#include <doctest/doctest.h>

#include "console/app/contracts.h"
#include "customer_answers.h"

namespace isp::console::test {
namespace {

Contracts& contracts(ConsoleFixture& c) {
    return static_cast<Contracts&>(*c.app().find("contracts"));
}

nlohmann::json offers_page() {
    return page_of(nlohmann::json::array(
        {wire::to_json(mobile_offer()), wire::to_json(mobile_offer("ofr_2", "Mobile 50 Go")),
         wire::to_json(Offer{"ofr_9", ServiceFamily::Internet, "Fibre 100", "", {29900, "MAD"}, 2000, 12, true})}));
}

// Signed in with `roles`, on contract ctr_7's page (active, two document versions).
void open_contract(ConsoleFixture& c, std::string_view roles = "ops", ContractStatus status = ContractStatus::Active) {
    c.open_signed_in(roles);
    c.settle();
    c.answer("GET", "/offers", 200, offers_page());
    c.answer("GET", "/contracts/{contract_id}", 200, detail_json(contract_of("ctr_7", status)));
    c.answer("GET", "/contracts/{contract_id}/documents", 200,
             wire::contract_documents_json("ctr_7", {{1, "2026-02-01", false}, {2, "2026-03-01", true}}));
    c.answer("GET", "/contracts/{contract_id}/audit", 200, audit_page("ctr_7"));
    c.app().go(Place{"contracts", "ctr_7", {}});
    c.settle();
}

void answer_contract_again(ConsoleFixture& c, const Contract& k) {
    c.answer("GET", "/contracts/{contract_id}", 200, detail_json(k));
    c.answer("GET", "/contracts/{contract_id}/documents", 200,
             wire::contract_documents_json(k.contract_id, {{1, "2026-02-01", true}}));
    c.answer("GET", "/contracts/{contract_id}/audit", 200, audit_page(k.contract_id));
}

} // namespace

TEST_CASE("the list filters by status, service and offer, a page at a time") {
    ConsoleFixture c;
    c.open_signed_in("viewer");
    c.settle();
    c.answer("GET", "/offers", 200, offers_page());
    c.answer("GET", "/contracts", 200,
             wire::page_json(nlohmann::json::array({wire::contract_summary_json(contract_of("ctr_7"), mobile_offer())}),
                             wire::Pagination{1, 20, 41}));
    c.app().go(Place{"contracts", {}, {}});
    c.settle();
    CHECK(c.state()["contracts"]["ids"] == nlohmann::json::array({"ctr_7"}));
    CHECK(c.state()["contracts"]["total"] == 41);

    c.answer("GET", "/contracts", 200, page_of(nlohmann::json::array()));
    contracts(c).set_filter({"suspended", "mobile", {}, "ofr_1"});
    c.settle();
    const auto sent = c.http.sent_to("GET", "/contracts");
    REQUIRE(sent.size() == 2);
    CHECK(query_value(sent[1], "status") == "suspended");
    CHECK(query_value(sent[1], "service") == "mobile");
    CHECK(query_value(sent[1], "offer_id") == "ofr_1");
    CHECK(query_value(sent[1], "page") == "1");
    CHECK(c.state()["contracts"]["ids"].empty());
}

TEST_CASE("provisioning sends the right body with a key; a network failure's retry sends the same key") {
    ConsoleFixture c;
    c.open_signed_in("ops");
    c.settle();
    c.answer("GET", "/offers", 200, offers_page());
    c.answer("GET", "/contracts", 200, page_of(nlohmann::json::array()));
    c.app().go(Place{"contracts", {}, "provision:cli_43"});
    c.settle();
    REQUIRE(contracts(c).provision_open());
    contracts(c).provision.offer_id = "ofr_1";
    contracts(c).provision.contract_start_date = "2026-12-01";
    // A mobile offer wants a mobile number: said as typed, nothing sent.
    contracts(c).provision.service_identifier = "05 22 12 34 56";
    CHECK_FALSE(contracts(c).provision_problem("subscriber.service_identifier").empty());
    contracts(c).submit_provision();
    CHECK(c.http.sent_to("POST", "/contracts/provision").empty());

    contracts(c).provision.service_identifier = "06 12 34 56 78";
    contracts(c).provision.commitment_months = "12";
    CHECK(contracts(c).provision_problem("subscriber.service_identifier").empty());
    c.http.fail_network("POST", "/contracts/provision");
    contracts(c).submit_provision();
    CHECK(c.state()["busy"] == "saving");
    c.http.deliver();
    REQUIRE(c.app().current()->notice());
    REQUIRE(c.app().current()->notice()->retry);
    CHECK(contracts(c).provision_open()); // still there, as typed

    c.answer("POST", "/contracts/provision", 201, detail_json(contract_of("ctr_8")));
    c.app().current()->notice()->retry();
    const auto sent = c.http.sent_to("POST", "/contracts/provision");
    REQUIRE(sent.size() == 2);
    const auto body = nlohmann::json::parse(sent[0].body);
    CHECK(body == nlohmann::json{{"client_id", "cli_43"},
                                 {"offer_id", "ofr_1"},
                                 {"contract_start_date", "2026-12-01"},
                                 {"commitment_months", 12},
                                 {"subscriber", {{"service_identifier", "06 12 34 56 78"}}}});
    CHECK(sent[1].body == sent[0].body);
    CHECK_FALSE(header(sent[0], "Idempotency-Key").empty());
    CHECK(header(sent[1], "Idempotency-Key") == header(sent[0], "Idempotency-Key"));
    CHECK(header(sent[0], "X-CSRF-Token") == "csrf-test-token");
    c.http.deliver();
    answer_contract_again(c, contract_of("ctr_8"));
    c.settle();
    CHECK(c.app().place() == Place{"contracts", "ctr_8", ""});
    CHECK(c.state()["contracts"]["contract"]["contract_id"] == "ctr_8");
    CHECK_FALSE(contracts(c).provision_open());
}

TEST_CASE("suspending from a future date sends that date and the reason") {
    ConsoleFixture c;
    open_contract(c);
    CHECK(c.state()["contracts"]["contract"]["contract_number"] == "CTR-2026-000007");
    REQUIRE(contracts(c).next_statuses() ==
            std::vector<ContractStatus>{ContractStatus::Suspended, ContractStatus::Terminated});
    contracts(c).start_status_change(ContractStatus::Suspended);
    CHECK(c.state()["contracts"]["dialog"] == "status");
    contracts(c).status_change.effective_date = "2026-12-15";
    contracts(c).status_change.reason = "Voyage \u00e0 l'\u00e9tranger";
    c.answer("PUT", "/contracts/{contract_id}/status", 200,
             detail_json(contract_of("ctr_7", ContractStatus::Suspended)));
    contracts(c).submit_status_change();
    const auto sent = c.http.sent_to("PUT", "/contracts/{contract_id}/status");
    REQUIRE(sent.size() == 1);
    CHECK(api_path(sent[0]) == "/contracts/ctr_7/status");
    CHECK(nlohmann::json::parse(sent[0].body) == nlohmann::json{{"status", "suspended"},
                                                                {"effective_date", "2026-12-15"},
                                                                {"reason", "Voyage \u00e0 l'\u00e9tranger"}});
    CHECK_FALSE(header(sent[0], "Idempotency-Key").empty());
    c.http.deliver();
    CHECK(c.state()["contracts"]["dialog"] == "");
    CHECK(c.state()["contracts"]["contract"]["status"] == "suspended");
    answer_contract_again(c, contract_of("ctr_7", ContractStatus::Suspended));
    c.settle();
    CHECK(contracts(c).next_statuses() ==
          std::vector<ContractStatus>{ContractStatus::Active, ContractStatus::Terminated});
}

TEST_CASE("a refused status change says why and keeps the dialog; the next try is a new write") {
    ConsoleFixture c;
    open_contract(c);
    contracts(c).start_status_change(ContractStatus::Terminated);
    contracts(c).status_change.effective_date = "2025-01-01";
    c.problem("PUT", "/contracts/{contract_id}/status", 400, "validation_failed",
              "The date is before the last change.");
    contracts(c).submit_status_change();
    c.http.deliver();
    CHECK(contracts(c).status_open());
    CHECK(c.state()["notice"].get<std::string>().find("before the last change") != std::string::npos);
}

TEST_CASE("changing the offer offers the family's other active offers and sends the choice") {
    ConsoleFixture c;
    open_contract(c);
    contracts(c).start_offer_change();
    const auto choices = contracts(c).offer_choices();
    REQUIRE(choices.size() == 1);
    CHECK(choices[0]->offer_id == "ofr_2");
    contracts(c).offer_change.offer_id = "ofr_2";
    contracts(c).offer_change.effective_date = "2026-12-01";
    Contract moved = contract_of("ctr_7");
    moved.offer_id = "ofr_2";
    c.answer("PUT", "/contracts/{contract_id}/offer", 200, detail_json(moved));
    contracts(c).submit_offer_change();
    const auto sent = c.http.sent_to("PUT", "/contracts/{contract_id}/offer");
    REQUIRE(sent.size() == 1);
    CHECK(nlohmann::json::parse(sent[0].body) ==
          nlohmann::json{{"offer_id", "ofr_2"}, {"effective_date", "2026-12-01"}});
    CHECK_FALSE(header(sent[0], "Idempotency-Key").empty());
    answer_contract_again(c, moved);
    c.settle();
    CHECK(c.state()["contracts"]["contract"]["offer_id"] == "ofr_2");
}

TEST_CASE("opening a document version opens its address in a new tab") {
    ConsoleFixture c;
    open_contract(c, "viewer");
    CHECK(c.state()["contracts"]["contract"]["documents"] == nlohmann::json::array({1, 2}));
    contracts(c).open_document(1);
    REQUIRE(c.browser.opened_documents.size() == 1);
    CHECK(c.browser.opened_documents[0] == "../api/v1/contracts/ctr_7/documents/1");
}

TEST_CASE("a viewer gets no write commands on a contract") {
    ConsoleFixture c;
    open_contract(c, "viewer");
    CHECK_FALSE(contracts(c).may_write());
    CHECK(c.state()["contracts"]["may_write"] == false);
    contracts(c).start_status_change(ContractStatus::Suspended);
    contracts(c).start_offer_change();
    contracts(c).start_provision("cli_43");
    CHECK(c.state()["contracts"]["dialog"] == "");
    contracts(c).submit_status_change();
    CHECK(c.http.sent_to("PUT", "/contracts/{contract_id}/status").empty());
}

TEST_CASE("the list's order is the server's, with its filters, in the place: Back restores both") {
    ConsoleFixture c;
    c.open_signed_in("viewer");
    c.settle();
    c.answer("GET", "/offers", 200, offers_page());
    c.answer("GET", "/contracts", 200, page_of(nlohmann::json::array()));
    c.app().go(Place{"contracts", {}, {}});
    c.settle();
    auto sent = c.http.sent_to("GET", "/contracts");
    REQUIRE(sent.size() == 1);
    CHECK(query_value(sent[0], "sort") == "created_at"); // oldest first, as always

    c.answer("GET", "/contracts", 200, page_of(nlohmann::json::array()));
    contracts(c).set_filter({"active", {}, {}, {}});
    c.settle();
    c.answer("GET", "/contracts", 200,
             wire::page_json(nlohmann::json::array({wire::contract_summary_json(contract_of("ctr_7"), mobile_offer())}),
                             wire::Pagination{1, 20, 41}));
    contracts(c).sort_by({ContractSortKey::StartDate, true});
    c.settle();
    sent = c.http.sent_to("GET", "/contracts");
    REQUIRE(sent.size() == 3);
    CHECK(query_value(sent[2], "sort") == "-contract_start_date");
    CHECK(query_value(sent[2], "status") == "active"); // the filter stays
    CHECK(query_value(sent[2], "page") == "1");
    CHECK(c.app().place() == Place{"contracts", {}, "status=active&sort=-contract_start_date"});
    CHECK(c.state()["contracts"]["sort"] == "-contract_start_date");
    CHECK(c.state()["contracts"]["ids"] == nlohmann::json::array({"ctr_7"}));

    // Open a contract, then Back: the list as it was, order and filter.
    c.answer("GET", "/contracts/{contract_id}", 200, detail_json(contract_of("ctr_7")));
    c.answer("GET", "/contracts/{contract_id}/documents", 200,
             wire::contract_documents_json("ctr_7", {{1, "2026-02-01", true}}));
    c.answer("GET", "/contracts/{contract_id}/audit", 200, audit_page("ctr_7"));
    contracts(c).open_contract("ctr_7");
    c.settle();
    c.answer("GET", "/contracts", 200, page_of(nlohmann::json::array()));
    c.app().back();
    c.settle();
    sent = c.http.sent_to("GET", "/contracts");
    REQUIRE(sent.size() == 4);
    CHECK(query_value(sent[3], "sort") == "-contract_start_date");
    CHECK(query_value(sent[3], "status") == "active");
    CHECK(contracts(c).sort() == ContractSort{ContractSortKey::StartDate, true});

    // Back again: the status filter in the default order; once more: the whole list.
    c.answer("GET", "/contracts", 200, page_of(nlohmann::json::array()));
    c.app().back();
    c.settle();
    sent = c.http.sent_to("GET", "/contracts");
    CHECK(query_value(sent.back(), "sort") == "created_at");
    CHECK(query_value(sent.back(), "status") == "active");
    c.answer("GET", "/contracts", 200, page_of(nlohmann::json::array()));
    c.app().back();
    c.settle();
    sent = c.http.sent_to("GET", "/contracts");
    CHECK(query_value(sent.back(), "status").empty());
}

} // namespace isp::console::test
