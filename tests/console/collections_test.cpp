// Collections at the console: the worklist by days overdue, a case and its timeline, an action
// recorded once even when the network fails and it is sent again, a status change, and a
// viewer who reads but is offered no writes.
#include <doctest/doctest.h>

#include "console/app/collections.h"
#include "console_fixture.h"
#include "shared/wire/collection_case_json.h"

namespace isp::console::test {
namespace {

CollectionCase a_case(std::string id, std::int64_t days_overdue, std::string due_date) {
    CollectionCase k;
    k.case_id = std::move(id);
    k.invoice_id = "inv_" + k.case_id;
    k.invoice_number = "INV-2026-0000" + std::to_string(days_overdue);
    k.client_id = "cli_43";
    k.client_name = "H\u00e9l\u00e8ne Benali";
    k.opened_on = "2026-11-01";
    k.due_date = std::move(due_date);
    k.invoice_total = {41880, "MAD"};
    k.outstanding = {41880, "MAD"};
    k.days_overdue = days_overdue;
    k.created_at = "2026-11-01T00:00:00Z";
    k.updated_at = "2026-11-01T00:00:00Z";
    return k;
}

nlohmann::json overview_json() {
    CollectionsOverview o;
    o.as_of = {2026, 11, 23};
    o.currency = "MAD";
    o.outstanding = {125640, "MAD"};
    o.overdue = {83760, "MAD"};
    o.overdue_count = 2;
    for (auto& a : o.ageing)
        a.amount = {0, "MAD"};
    o.ageing[0] = {{41880, "MAD"}, 1};
    o.ageing[2] = {{41880, "MAD"}, 1};
    o.cases_by_status = {2, 0, 0, 0};
    return wire::to_json(o);
}

nlohmann::json page_of(const std::vector<nlohmann::json>& items) {
    return {{"data", items},
            {"pagination", {{"page", 1}, {"per_page", 20}, {"total", items.size()}, {"total_pages", 1}}}};
}

CollectionAction an_action(std::int64_t id, std::string note) {
    return {id, "cas_2", CollectionActionKind::Call, std::move(note), "ops@isp.example.ma", "2026-11-20T10:00:00Z"};
}

Collections& collections(ConsoleFixture& c) {
    return static_cast<Collections&>(*c.app().find("collections"));
}

// Signed in with `roles`, at the worklist (two cases, the server's due-date order).
void open_worklist(ConsoleFixture& c, std::string_view roles) {
    c.open_signed_in(roles);
    c.settle();
    c.answer("GET", "/collections/overview", 200, overview_json());
    c.answer(
        "GET", "/collections/cases", 200,
        page_of({wire::to_json(a_case("cas_1", 12, "2026-11-11")), wire::to_json(a_case("cas_2", 75, "2026-09-09"))}));
    c.app().go(Place{"collections", "", ""});
    CHECK(c.state()["busy"] == "loading");
    c.settle();
}

void open_case_2(ConsoleFixture& c) {
    c.answer("GET", "/collections/cases/{case_id}", 200, wire::to_json(a_case("cas_2", 75, "2026-09-09")));
    c.answer("GET", "/collections/cases/{case_id}/actions", 200,
             page_of({wire::to_json(an_action(1, "No answer")), wire::to_json(an_action(2, "Promised Friday"))}));
    collections(c).open_case("cas_2");
    c.settle();
}

} // namespace

TEST_CASE("the worklist shows the most days overdue first, and a click opens the case with its timeline") {
    ConsoleFixture c;
    open_worklist(c, "ops");
    CHECK(c.state()["busy"] == "");
    CHECK(c.state()["collections"]["cases"] == nlohmann::json::array({"cas_2", "cas_1"}));
    CHECK(c.state()["collections"]["overdue_minor"] == 83760);
    CHECK(collections(c).overview()->ageing[2].invoice_count == 1);

    open_case_2(c);
    CHECK(c.state()["place"]["id"] == "cas_2");
    CHECK(c.state()["collections"]["case"]["case_id"] == "cas_2");
    CHECK(c.state()["collections"]["case"]["action_count"] == 2);
    CHECK(collections(c).actions().front().note == "Promised Friday"); // newest first

    // Its invoice and its customer are one click away.
    collections(c).go_to_customer();
    CHECK(c.state()["place"]["section"] == "customers");
    CHECK(c.state()["place"]["id"] == "cli_43");
}

TEST_CASE("the worklist's filters go to the server; a wrong number of days is said and not sent") {
    ConsoleFixture c;
    open_worklist(c, "ops");
    collections(c).min_days_filter = "-3";
    CHECK_FALSE(collections(c).min_days_problem().empty());
    collections(c).apply_filters();
    CHECK(c.http.sent_to("GET", "/collections/cases").size() == 1);

    collections(c).min_days_filter = "60";
    collections(c).status_filter = "open";
    c.answer("GET", "/collections/overview", 200, overview_json());
    c.answer("GET", "/collections/cases", 200, page_of({wire::to_json(a_case("cas_2", 75, "2026-09-09"))}));
    collections(c).apply_filters();
    c.settle();
    const auto sent = c.http.sent_to("GET", "/collections/cases");
    REQUIRE(sent.size() == 2);
    CHECK(query_value(sent[1], "status") == "open");
    CHECK(query_value(sent[1], "min_days_overdue") == "60");
    CHECK(c.state()["place"]["filter"] == "open");
    CHECK(c.state()["collections"]["cases"] == nlohmann::json::array({"cas_2"}));
}

TEST_CASE("recording an action sends an Idempotency-Key; after a network failure the retry sends the same one") {
    ConsoleFixture c;
    open_worklist(c, "ops");
    open_case_2(c);
    Collections& s = collections(c);
    s.action_kind = "call";
    s.action_note = "Called, promised to pay Monday";
    c.http.fail_network("POST", "/collections/cases/{case_id}/actions");
    s.record_action();
    CHECK(c.state()["busy"] == "saving");
    c.settle();
    REQUIRE(s.notice());
    REQUIRE(s.notice()->retry);

    CollectionAction added = an_action(3, "Called, promised to pay Monday");
    c.answer("POST", "/collections/cases/{case_id}/actions", 201, wire::to_json(added));
    const auto retry = s.notice()->retry; // as the banner does: the retry replaces its notice
    retry();
    c.settle();
    const auto sent = c.http.sent_to("POST", "/collections/cases/{case_id}/actions");
    REQUIRE(sent.size() == 2);
    const std::string key = header(sent[0], "Idempotency-Key");
    CHECK_FALSE(key.empty());
    CHECK(header(sent[1], "Idempotency-Key") == key);
    CHECK(header(sent[1], "X-CSRF-Token") == "csrf-test-token");
    CHECK(nlohmann::json::parse(sent[1].body) ==
          nlohmann::json{{"kind", "call"}, {"note", "Called, promised to pay Monday"}});
    CHECK(c.state()["collections"]["case"]["action_count"] == 3);
    CHECK(s.actions().front().action_id == 3);
    CHECK(s.action_note.empty());

    // The next action is another write: another key.
    s.action_note = "Letter sent";
    s.action_kind = "letter";
    c.answer("POST", "/collections/cases/{case_id}/actions", 201, wire::to_json(an_action(4, "Letter sent")));
    s.record_action();
    c.settle();
    const auto after = c.http.sent_to("POST", "/collections/cases/{case_id}/actions");
    REQUIRE(after.size() == 3);
    CHECK(header(after[2], "Idempotency-Key") != key);
}

TEST_CASE("a note without text is said at once and nothing is sent") {
    ConsoleFixture c;
    open_worklist(c, "ops");
    open_case_2(c);
    collections(c).action_kind = "note";
    collections(c).action_note = "   ";
    collections(c).record_action();
    CHECK(c.http.sent_to("POST", "/collections/cases/{case_id}/actions").empty());
    REQUIRE(collections(c).errors().size() == 1);
    CHECK(collections(c).errors().front().field == "note");
}

TEST_CASE("changing a case's status: closing needs a reason, then the case is updated") {
    ConsoleFixture c;
    open_worklist(c, "ops");
    open_case_2(c);
    Collections& s = collections(c);
    s.start_status_change();
    CHECK(c.state()["collections"]["status_dialog"] == true);
    CHECK(s.new_status == "open");
    s.new_status = "closed";
    s.change_status();
    CHECK(c.http.sent_to("PUT", "/collections/cases/{case_id}/status").empty());
    REQUIRE_FALSE(s.errors().empty());
    CHECK(s.errors().front().code == "required");

    s.close_reason = "paid";
    s.change_status();
    CHECK(s.errors().front().code == "reserved_reason");
    CHECK(c.http.sent_to("PUT", "/collections/cases/{case_id}/status").empty());

    s.close_reason = "written off";
    CollectionCase closed = a_case("cas_2", 75, "2026-09-09");
    closed.status = CaseStatus::Closed;
    closed.closed_on = "2026-11-23";
    closed.close_reason = "written off";
    c.answer("PUT", "/collections/cases/{case_id}/status", 200, wire::to_json(closed));
    s.change_status();
    c.settle();
    const auto sent = c.http.sent_to("PUT", "/collections/cases/{case_id}/status");
    REQUIRE(sent.size() == 1);
    CHECK(nlohmann::json::parse(sent[0].body) == nlohmann::json{{"status", "closed"}, {"reason", "written off"}});
    CHECK_FALSE(header(sent[0], "Idempotency-Key").empty());
    CHECK(c.state()["collections"]["case"]["status"] == "closed");
    CHECK(c.state()["collections"]["status_dialog"] == false);
}

TEST_CASE("a refused status change shows the server's reason and keeps the dialog open") {
    ConsoleFixture c;
    open_worklist(c, "ops");
    open_case_2(c);
    Collections& s = collections(c);
    s.start_status_change();
    s.new_status = "in_progress";
    c.problem("PUT", "/collections/cases/{case_id}/status", 409, "case_closed_by_payment",
              "The invoice was paid: nothing is left to recover.");
    s.change_status();
    c.settle();
    REQUIRE(s.notice());
    CHECK(s.notice()->text.find("nothing is left to recover") != std::string::npos);
    CHECK(s.status_dialog_open);
}

TEST_CASE("a viewer reads the worklist and a case, and gets no write commands") {
    ConsoleFixture c;
    open_worklist(c, "viewer");
    CHECK(c.state()["collections"]["cases"].size() == 2);
    open_case_2(c);
    CHECK(c.state()["collections"]["may_write"] == false);
    Collections& s = collections(c);
    s.action_note = "I should not";
    s.record_action();
    s.start_status_change();
    CHECK_FALSE(s.status_dialog_open);
    s.new_status = "in_progress";
    s.change_status();
    CHECK(c.http.sent_to("POST", "/collections/cases/{case_id}/actions").empty());
    CHECK(c.http.sent_to("PUT", "/collections/cases/{case_id}/status").empty());
}

} // namespace isp::console::test
