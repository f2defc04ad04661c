// Webhooks' shared rules and wire format (shared/domain/webhook.h, retry_schedule.h,
// shared/wire/webhook_json.h): what a URL may be, which event types an endpoint may want,
// when a failed delivery is tried again, and every body read back as written.
#include <doctest/doctest.h>

#include "shared/domain/retry_schedule.h"
#include "shared/domain/webhook.h"
#include "shared/wire/event_json.h"
#include "shared/wire/webhook_json.h"

namespace isp {
namespace {

std::vector<std::string> codes(const FieldErrors& errors) {
    std::vector<std::string> out;
    for (const FieldError& e : errors)
        out.push_back(e.field + ":" + e.code);
    return out;
}

std::vector<std::string> new_webhook_codes(const std::string& url, std::vector<std::string> types) {
    FieldErrors errors;
    check_new_webhook({url, std::move(types), true}, Language::English, errors);
    return codes(errors);
}

} // namespace

TEST_CASE("a webhook URL is http or https with a host, and is split for the client") {
    const auto plain = parse_webhook_url("http://127.0.0.1:8080/hooks/portal?token=abc");
    REQUIRE(plain);
    CHECK(plain->scheme_host_port == "http://127.0.0.1:8080");
    CHECK(plain->path_and_query == "/hooks/portal?token=abc");
    const auto bare = parse_webhook_url("HTTPS://radius.example.ma");
    REQUIRE(bare);
    CHECK(bare->scheme_host_port == "https://radius.example.ma");
    CHECK(bare->path_and_query == "/");
    CHECK(parse_webhook_url("https://[::1]:8443?x=1")->path_and_query == "/?x=1");
    CHECK(parse_webhook_url("https://[::1]:8443?x=1")->scheme_host_port == "https://[::1]:8443");
    for (const char* bad :
         {"", "ftp://example.ma/", "example.ma/hook", "https://", "https:///path", "https://user:pw@example.ma/",
          "https://example.ma/#frag", "https://exa mple.ma/", "https://example.ma:0/", "https://example.ma:65536/",
          "https://example.ma:80a/", "https://ex..ample.ma/", "https://[::1/", "https://example.ma/caf\xc3\xa9",
          "javascript:alert(1)", "https://example.ma/\n"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_webhook_url(bad));
    }
    CHECK_FALSE(parse_webhook_url("https://example.ma/" + std::string(2000, 'a')));
}

TEST_CASE("an endpoint names known event types, each once; the URL's own errors") {
    CHECK(new_webhook_codes("https://example.ma/h", {"contract.status_changed", "invoice.issued"}).empty());
    CHECK(new_webhook_codes("", {}) == std::vector<std::string>{"url:required", "event_types:required"});
    CHECK(new_webhook_codes("ftp://x/", {"contract.moved"}) ==
          std::vector<std::string>{"url:invalid_url", "event_types:unknown_event_type"});
    CHECK(new_webhook_codes("https://example.ma/" + std::string(2000, 'a'), {"invoice.issued", "invoice.issued"}) ==
          std::vector<std::string>{"url:too_long", "event_types:duplicate_event_type"});
    FieldErrors errors;
    check_webhook_change({}, Language::English, errors);
    CHECK(errors.empty());
    check_webhook_change({std::string("nope"), std::vector<std::string>{}, false}, Language::French, errors);
    CHECK(codes(errors) == std::vector<std::string>{"url:invalid_url", "event_types:required"});
    CHECK(errors[0].message.find("Adresse invalide") == 0);
}

TEST_CASE("a failed delivery is retried after 30 s, doubling to an hour apart, for 24 hours") {
    const RetrySchedule s;
    const std::int64_t t0 = 1'800'000'000;
    CHECK(next_attempt_at(s, 1, t0, t0) == t0 + 30);
    CHECK(next_attempt_at(s, 2, t0, t0 + 30) == t0 + 90);
    CHECK(next_attempt_at(s, 3, t0, t0 + 90) == t0 + 210);
    CHECK(next_attempt_at(s, 8, t0, t0 + 5000) == t0 + 5000 + 3600); // 30 * 2^7 = 3840, capped
    CHECK(next_attempt_at(s, 1000, t0, t0 + 10000) == t0 + 13600);   // no overflow however many
    // The window: an attempt that would fall after 24 h is not made.
    CHECK(next_attempt_at(s, 30, t0, t0 + 24 * 3600 - 3600) == t0 + 24 * 3600);
    CHECK_FALSE(next_attempt_at(s, 30, t0, t0 + 24 * 3600 - 3599));
    // Walking a day of failures: about 30 attempts, the last within the day.
    std::int64_t now = t0;
    int attempts = 1;
    while (attempts < 100) { // bounded: a schedule that never gives up fails here, not hangs
        const auto next = next_attempt_at(s, attempts, t0, now);
        if (!next)
            break;
        now = *next;
        ++attempts;
    }
    CHECK(attempts >= 25);
    CHECK(attempts <= 35);
    CHECK(now <= t0 + 24 * 3600);
}

TEST_CASE("webhook bodies and answers are read back as written") {
    const WebhookEndpoint w{"whk_1",
                            "https://radius.example.ma/hook",
                            {"contract.status_changed", "payment.received"},
                            false,
                            "admin",
                            "2026-11-23T10:00:00Z",
                            "2026-11-24T10:00:00Z"};
    CHECK(wire::webhook_endpoint_from_json(wire::to_json(w)) == w);
    CHECK_FALSE(wire::to_json(w).contains("secret"));
    const WebhookSecret s{w, "whsec_00ff", std::nullopt};
    CHECK(wire::webhook_secret_from_json(wire::to_json(s)) == s);
    const WebhookSecret rotated{w, "whsec_11ee", "2026-11-25T10:00:00Z"};
    CHECK(wire::webhook_secret_from_json(wire::to_json(rotated)) == rotated);

    FieldErrors errors;
    const NewWebhook n{"http://127.0.0.1:9/h", {"invoice.issued"}, false};
    CHECK(wire::new_webhook_from_json(wire::to_json(n), errors) == n);
    CHECK(errors.empty());
    for (const WebhookChange& c : {WebhookChange{}, WebhookChange{std::string("https://x.ma/"), std::nullopt, true},
                                   WebhookChange{std::nullopt, std::vector<std::string>{"contract.created"}, false}}) {
        CHECK(wire::webhook_change_from_json(wire::to_json(c), errors) == c);
        CHECK(errors.empty());
    }
    // Wrong types are field errors, not exceptions.
    wire::new_webhook_from_json({{"url", 3}, {"event_types", nlohmann::json::array({"a", 1})}, {"active", "yes"}},
                                errors);
    CHECK(codes(errors) ==
          std::vector<std::string>{"url:invalid_type", "event_types:invalid_type", "active:invalid_type"});
    errors.clear();
    wire::webhook_change_from_json({{"event_types", "invoice.issued"}}, errors);
    CHECK(codes(errors) == std::vector<std::string>{"event_types:invalid_type"});

    WebhookDelivery d;
    d.delivery_id = "dlv_1";
    d.webhook_id = "whk_1";
    d.event_sequence = 42;
    d.event_id = "evt_1";
    d.event_type = "invoice.issued";
    d.created_at = "2026-11-23T10:00:00Z";
    d.next_attempt_at = "2026-11-23T10:00:00Z";
    CHECK(wire::webhook_delivery_from_json(wire::to_json(d)) == d);
    CHECK(wire::to_json(d)["last_status_code"].is_null());
    d.state = DeliveryState::Failed;
    d.attempt_count = 29;
    d.last_status_code = 500;
    d.last_error = "HTTP 500";
    d.response_time_ms = 12;
    d.first_attempt_at = "2026-11-23T10:00:00Z";
    d.last_attempt_at = "2026-11-24T09:30:00Z";
    d.next_attempt_at = std::nullopt;
    d.replay_of = "dlv_0";
    CHECK(wire::webhook_delivery_from_json(wire::to_json(d)) == d);
    CHECK(wire::to_json(d)["state"] == "failed");
    nlohmann::json bad = wire::to_json(d);
    bad["state"] = "lost";
    CHECK_THROWS_AS(wire::webhook_delivery_from_json(bad), nlohmann::json::exception);
}

TEST_CASE("an invoice.issued event's data, written without a json object, is the JSON it should be") {
    Invoice i;
    i.invoice_id = "inv_1";
    i.invoice_number = "FAC-2026-000001";
    i.billing_run_id = "run_1";
    i.contract_id = "ctr_1";
    i.client_id = "cli_1";
    i.period = "2026-10";
    i.period_start = {2026, 10, 1};
    i.period_end = {2026, 10, 31};
    i.issue_date = {2026, 11, 1};
    i.due_date = {2026, 11, 16};
    i.currency = "MAD";
    i.subtotal_minor = 9900;
    i.tax_minor = 1980;
    i.total_minor = 11880;
    const nlohmann::json expected = {{"invoice_id", "inv_1"},
                                     {"invoice_number", "FAC-2026-000001"},
                                     {"billing_run_id", "run_1"},
                                     {"contract_id", "ctr_1"},
                                     {"client_id", "cli_1"},
                                     {"service_identifier", "+212612345678"},
                                     {"period", "2026-10"},
                                     {"period_start", "2026-10-01"},
                                     {"period_end", "2026-10-31"},
                                     {"issue_date", "2026-11-01"},
                                     {"due_date", "2026-11-16"},
                                     {"subtotal", {{"amount_minor", 9900}, {"currency", "MAD"}}},
                                     {"tax", {{"amount_minor", 1980}, {"currency", "MAD"}}},
                                     {"total", {{"amount_minor", 11880}, {"currency", "MAD"}}}};
    CHECK(nlohmann::json::parse(wire::invoice_issued_data(i, "+212612345678")) == expected);
    // Text that needs escaping comes back as it was.
    const std::string odd = "L\"1\\2\n\x01 caf\xc3\xa9";
    CHECK(nlohmann::json::parse(wire::invoice_issued_data(i, odd))["service_identifier"] == odd);
}

} // namespace isp
