// The staff console reads back what the server writes about contracts: a contract's detail
// (offer, histories, scheduled changes), its audit entries and the events feed's entries
// round-trip through shared/wire.
#include <doctest/doctest.h>

#include "shared/wire/contract_detail_json.h"
#include "shared/wire/contract_json.h"
#include "shared/wire/event_json.h"

namespace isp {

TEST_CASE("a contract's detail is read back as written") {
    Contract k;
    k.contract_id = "ctr_1";
    k.contract_number = "CTR-2026-000001";
    k.client_id = "cli_1";
    k.offer_id = "ofr_2";
    k.service_identifier = "+212612345678";
    k.contract_start_date = Date{2026, 4, 1};
    k.commitment_months = 12;
    k.status = ContractStatus::Suspended;
    k.document_version = 2;
    k.created_at = "2026-01-01T09:00:00Z";
    const Offer offer{"ofr_2", ServiceFamily::Mobile, "Mobile+", "", {14900, "MAD"}, 2000, 0, true};
    const ContractDetail detail{
        k,
        offer,
        {{"ofr_1", Date{2026, 1, 1}}, {"ofr_2", Date{2026, 4, 1}}},
        {{ContractStatus::Active, Date{2026, 1, 1}}, {ContractStatus::Suspended, Date{2026, 5, 2}}},
        {{"chg_1", "ctr_1", ContractStatus::Active, Date{2026, 6, 1}, "back from holidays", "agent.omar",
          "2026-05-02T09:00:00Z", ScheduledChangeKind::Status, ""},
         {"chg_2", "ctr_1", ContractStatus::Active, Date{2026, 7, 1}, "", "agent.omar", "2026-05-02T09:00:00Z",
          ScheduledChangeKind::Offer, "ofr_1"}}};
    const ContractDetail back = wire::contract_detail_from_json(wire::to_json(detail));
    CHECK(back.contract == k);
    REQUIRE(back.offer);
    CHECK(*back.offer == offer);
    REQUIRE(back.offer_periods.size() == 2);
    CHECK(back.offer_periods[1].offer_id == "ofr_2");
    CHECK(back.offer_periods[1].effective_from == Date{2026, 4, 1});
    REQUIRE(back.status_periods.size() == 2);
    CHECK(back.status_periods[1].status == ContractStatus::Suspended);
    CHECK(back.status_periods[1].effective_from == Date{2026, 5, 2});
    CHECK(back.scheduled_changes == detail.scheduled_changes);

    const ContractDetail no_offer{k, std::nullopt, {}, {}, {}};
    CHECK_FALSE(wire::contract_detail_from_json(wire::to_json(no_offer)).offer);
    CHECK_THROWS(wire::contract_detail_from_json(nlohmann::json{{"contract_id", "ctr_1"}}));
}

TEST_CASE("an audit entry is read back with its before and after as JSON text") {
    const AuditRecord audit{
        7, {"ctr_1", "2026-04-01T10:00:00Z", "ops", "status_changed", R"({"status":"active"})", "not json"}};
    const AuditRecord back = wire::audit_record_from_json(wire::to_json(audit));
    CHECK(back.audit_id == 7);
    CHECK(back.entry.contract_id == "ctr_1");
    CHECK(back.entry.at == "2026-04-01T10:00:00Z");
    CHECK(back.entry.actor == "ops");
    CHECK(back.entry.action == "status_changed");
    CHECK(back.entry.before == R"({"status":"active"})");
    CHECK(back.entry.after == "not json");

    const AuditRecord created{8, {"ctr_1", "2026-04-01T10:00:00Z", "landing", "created", std::nullopt, "{}"}};
    CHECK_FALSE(wire::audit_record_from_json(wire::to_json(created)).entry.before);
}

TEST_CASE("an event is read back as written, its data as an object") {
    const Event event{3,
                      "evt_1",
                      "contract.status_changed",
                      "2026-12-15T00:00:05Z",
                      "ctr_1",
                      "cli_1",
                      R"({"previous_status":"active","status":"suspended"})"};
    const nlohmann::json j = wire::to_json(event);
    CHECK(j["data"]["status"] == "suspended");
    CHECK(wire::event_from_json(j) == event);
    const Event bare{4, "evt_2", "other", "2026-12-15T00:00:05Z", std::nullopt, std::nullopt, "{}"};
    CHECK(wire::to_json(bare)["contract_id"].is_null());
    CHECK(wire::event_from_json(wire::to_json(bare)) == bare);
}

} // namespace isp
