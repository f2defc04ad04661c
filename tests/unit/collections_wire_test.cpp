#include <doctest/doctest.h>

#include "shared/wire/collection_case_json.h"
#include "shared/wire/list_sort_param.h"
#include "shared/wire/money_json.h"
#include "shared/wire/page_json.h"
#include "shared/wire/payment_json.h"

using namespace isp;

TEST_CASE("money round-trips through its wire format in minor units") {
    const Money m{34900, "MAD"};
    const nlohmann::json j = wire::to_json(m);
    CHECK(j == nlohmann::json{{"amount_minor", 34900}, {"currency", "MAD"}});
    CHECK(wire::money_from_json(j) == m);
}

TEST_CASE("a page's pagination round-trips and counts its pages") {
    const wire::Pagination info{3, 20, 41};
    const nlohmann::json j = wire::page_json(nlohmann::json::array({1, 2}), info);
    CHECK(j["data"] == nlohmann::json::array({1, 2}));
    CHECK(j["pagination"]["total_pages"] == 3);
    CHECK(wire::pagination_from_json(j["pagination"]) == info);
    CHECK((wire::Pagination{1, 20, 0}.total_pages() == 0));
    CHECK((wire::Pagination{1, 20, 40}.total_pages() == 2));
}

TEST_CASE("a collection case round-trips through its wire format") {
    CollectionCase k;
    k.case_id = "cas_1";
    k.invoice_id = "inv_1";
    k.invoice_number = "INV-2026-000001";
    k.client_id = "cli_1";
    k.client_name = "Hélène Benali";
    k.status = CaseStatus::Closed;
    k.opened_on = "2026-04-11";
    k.closed_on = "2026-05-02";
    k.close_reason = "written off";
    k.due_date = "2026-04-10";
    k.invoice_total = {41880, "MAD"};
    k.outstanding = {1880, "MAD"};
    k.days_overdue = 22;
    k.action_count = 3;
    k.created_at = "2026-04-11T00:00:00Z";
    k.updated_at = "2026-05-02T09:30:00Z";
    const nlohmann::json j = wire::to_json(k);
    CHECK(j["status"] == "closed");
    CHECK(j["last_action_at"].is_null());
    CHECK(j["outstanding"]["amount_minor"] == 1880);
    const CollectionCase back = wire::collection_case_from_json(j);
    CHECK(back.case_id == k.case_id);
    CHECK(back.client_name == k.client_name);
    CHECK(back.status == k.status);
    CHECK(back.closed_on == k.closed_on);
    CHECK(back.close_reason == k.close_reason);
    CHECK(back.last_action_at == std::nullopt);
    CHECK(back.invoice_total == k.invoice_total);
    CHECK(back.outstanding == k.outstanding);
    CHECK(back.days_overdue == 22);
    CHECK(back.action_count == 3);
    CHECK(back.updated_at == k.updated_at);
}

TEST_CASE("a collection action round-trips through its wire format") {
    const CollectionAction a{7, "cas_1", CollectionActionKind::Sms, "Reminder sent", "agent-1", "2026-05-01T10:00:00Z"};
    const CollectionAction back = wire::collection_action_from_json(wire::to_json(a));
    CHECK(back.action_id == 7);
    CHECK(back.kind == CollectionActionKind::Sms);
    CHECK(back.note == a.note);
    CHECK(back.actor == a.actor);
    CHECK(back.at == a.at);
}

TEST_CASE("case status changes and new actions round-trip; wrong fields are field errors") {
    const CaseStatusChange close{CaseStatus::Closed, "disputed"};
    FieldErrors errors;
    CHECK(wire::case_status_change_from_json(wire::to_json(close), errors) == close);
    const NewCollectionAction call{CollectionActionKind::Call, "No answer"};
    CHECK(wire::new_collection_action_from_json(wire::to_json(call), errors) == call);
    CHECK(errors.empty());

    wire::case_status_change_from_json({{"status", "closed"}}, errors);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].field == "reason");
    CHECK(errors[0].code == "required");
    errors.clear();
    wire::case_status_change_from_json({{"status", "closed"}, {"reason", "paid"}}, errors);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].code == "reserved_reason");
    errors.clear();
    wire::new_collection_action_from_json({{"kind", "note"}}, errors);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].code == "required");
}

TEST_CASE("the collections overview is written with its ageing buckets and case counts") {
    CollectionsOverview o;
    o.as_of = {2026, 5, 2};
    o.currency = "MAD";
    o.outstanding = {5000, "MAD"};
    o.overdue = {3000, "MAD"};
    for (auto& a : o.ageing)
        a.amount = {0, "MAD"};
    o.ageing[1] = {{3000, "MAD"}, 2};
    o.cases_by_status = {1, 2, 0, 4};
    const nlohmann::json j = wire::to_json(o);
    CHECK(j["as_of"] == "2026-05-02");
    CHECK(j["ageing"][1]["bucket"] == "31_60");
    CHECK(j["ageing"][1]["amount"]["amount_minor"] == 3000);
    CHECK(j["ageing"][3]["max_days"].is_null());
    CHECK(j["open_case_count"] == 3);
    CHECK(j["cases_by_status"]["closed"] == 4);

    const CollectionsOverview back = wire::collections_overview_from_json(j);
    CHECK(back.as_of == o.as_of);
    CHECK(back.currency == "MAD");
    CHECK(back.outstanding == o.outstanding);
    CHECK(back.overdue == o.overdue);
    CHECK(back.ageing[1].amount == o.ageing[1].amount);
    CHECK(back.ageing[1].invoice_count == 2);
    CHECK(back.cases_by_status == o.cases_by_status);
}

TEST_CASE("payment and approval bodies round-trip; wrong fields are field errors") {
    const Date today{2026, 5, 2};
    const PaymentCommand pay{"inv_1", {1880, "MAD"}, PaymentMethod::Cheque, "CHQ 0042", {2026, 4, 30}};
    FieldErrors errors;
    CHECK(wire::payment_command_from_json(wire::to_json(pay), today, errors) == pay);
    const ApprovalCommand approve{PaymentMethod::Cash, "", today};
    CHECK(wire::approval_command_from_json(wire::to_json(approve), today, errors) == approve);
    CHECK(errors.empty());

    const ApprovalCommand defaults = wire::approval_command_from_json(nlohmann::json::object(), today, errors);
    CHECK(errors.empty());
    CHECK(defaults.method == default_approval_method);
    CHECK(defaults.received_on == today);

    wire::payment_command_from_json({{"invoice_id", "inv_1"},
                                     {"amount", {{"amount_minor", 0}, {"currency", "mad"}}},
                                     {"received_on", "2026-05-03"}},
                                    today, errors);
    REQUIRE(errors.size() == 4);
    CHECK(errors[0].field == "amount.amount_minor");
    CHECK(errors[1].field == "amount.currency");
    CHECK(errors[2].field == "method");
    CHECK(errors[3].code == "in_future");
}

TEST_CASE("a recorded payment round-trips and a posting answers the invoice after it") {
    PaymentRecord p;
    p.payment_id = "pay_1";
    p.invoice_id = "inv_1";
    p.invoice_number = "INV-2026-000001";
    p.client_id = "cli_1";
    p.amount = {41880, "MAD"};
    p.method = PaymentMethod::MobileMoney;
    p.reference = "MM-77";
    p.allocation = Allocation::Full;
    p.received_on = "2026-05-01";
    p.actor = "agent-1";
    p.created_at = "2026-05-01T10:00:00Z";
    const PaymentRecord back = wire::payment_record_from_json(wire::to_json(p));
    CHECK(back.payment_id == p.payment_id);
    CHECK(back.amount == p.amount);
    CHECK(back.method == p.method);
    CHECK(back.allocation == p.allocation);
    CHECK(back.received_on == p.received_on);
    CHECK(back.created_at == p.created_at);

    const PostedPayment posted{
        p, {"inv_1", "INV-2026-000001", "cli_1", "MAD", 41880, 41880, "paid", "2026-04-10"}, "cas_1"};
    const nlohmann::json j = wire::to_json(posted);
    CHECK(j["payment"]["payment_id"] == "pay_1");
    CHECK(j["invoice_status"] == "paid");
    CHECK(j["outstanding"] == wire::to_json(Money{0, "MAD"}));
    CHECK(j["invoice"]["total"]["amount_minor"] == 41880);
    CHECK(j["allocation"] == "full");
    CHECK(j["closed_case_id"] == "cas_1");
}

TEST_CASE("a posting's answer reads back: the payment, the invoice after it, the closed case") {
    PaymentRecord p;
    p.payment_id = "pay_2";
    p.invoice_id = "inv_2";
    p.invoice_number = "FAC-2026-000002";
    p.client_id = "cli_2";
    p.amount = {10000, "MAD"};
    p.method = PaymentMethod::Cheque;
    p.reference = "CHQ-12";
    p.allocation = Allocation::Partial;
    p.received_on = "2026-05-02";
    p.actor = "agent-2";
    p.created_at = "2026-05-02T10:00:00Z";
    const PostedPayment posted{
        p, {"inv_2", "FAC-2026-000002", "cli_2", "MAD", 41880, 10000, "partially_paid", "2026-04-10"}, std::nullopt};
    const PostedPayment back = wire::posted_payment_from_json(wire::to_json(posted));
    REQUIRE(back.payment);
    CHECK(back.payment->payment_id == "pay_2");
    CHECK(back.payment->amount == p.amount);
    CHECK(back.invoice.invoice_number == "FAC-2026-000002");
    CHECK(back.invoice.status == "partially_paid");
    CHECK(back.invoice.outstanding_minor() == 31880);
    CHECK(back.invoice.currency == "MAD");
    CHECK(back.invoice.due_date == "2026-04-10");
    CHECK_FALSE(back.closed_case_id);

    const PostedPayment none{std::nullopt, posted.invoice, "cas_9"};
    const PostedPayment none_back = wire::posted_payment_from_json(wire::to_json(none));
    CHECK_FALSE(none_back.payment);
    CHECK(none_back.closed_case_id == "cas_9");
}

TEST_CASE("a total that is a lower bound says so, and only then") {
    wire::Pagination capped{1, 20, 1000};
    capped.total_is_lower_bound = true;
    const nlohmann::json j = wire::to_json(capped);
    CHECK(j["total_is_lower_bound"] == true);
    CHECK(j["total_pages"] == 50);
    CHECK(wire::pagination_from_json(j) == capped);
    const nlohmann::json exact = wire::to_json(wire::Pagination{1, 20, 41});
    CHECK_FALSE(exact.contains("total_is_lower_bound"));
    CHECK_FALSE(wire::pagination_from_json(exact).total_is_lower_bound);
}

TEST_CASE("the sort parameter: every list's names read back, - for descending, nothing else") {
    const auto round_trip = [](auto key_tag) {
        using Key = decltype(key_tag);
        for (const auto& [key, name] : wire::SortNames<Key>::names)
            for (const bool descending : {false, true}) {
                const ListSort<Key> sort{key, descending};
                const std::string text = wire::to_param(sort);
                CHECK(text == (descending ? "-" : "") + std::string{name});
                CHECK(wire::sort_from_param<Key>(text) == sort);
            }
    };
    round_trip(CustomerSortKey{});
    round_trip(ContractSortKey{});
    round_trip(InvoiceSortKey{});
    CHECK(wire::to_param(default_invoice_sort) == "-issue_date");
    CHECK(wire::to_param(default_customer_sort) == "last_name");
    CHECK(wire::to_param(default_contract_sort) == "created_at");
    for (const char* bad : {"", "-", "--cin", "+cin", "CIN", " cin", "cin ", "address", "issue_date"})
        CHECK_MESSAGE(!wire::sort_from_param<CustomerSortKey>(bad), bad);
    CHECK(wire::sort_choices<ContractSortKey>() ==
          "created_at, contract_number, service_identifier, status, contract_start_date");
}
