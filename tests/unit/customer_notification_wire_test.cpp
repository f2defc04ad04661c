// The wire of a customer's notification (shared/wire/customer_notification_json): what the
// server writes, the console reads back the same; absent times are null.
#include <doctest/doctest.h>

#include "shared/wire/customer_notification_json.h"

using namespace isp;

TEST_CASE("a customer's notification round-trips, sent or pending") {
    CustomerNotification n;
    n.notification_id = "ntf_0123456789abcdef0123";
    n.client_id = "cli_demo_amina";
    n.event_sequence = 42;
    n.event_id = "evt_0123456789abcdef01234567";
    n.event_type = "invoice.reminder";
    n.recipient = "amina.elidrissi@example.ma";
    n.subject = "Rappel : facture FAC-2026-000001 impay\u00e9e (120,00 MAD)";
    n.state = "sent";
    n.attempts = 2;
    n.last_error = "Failure when receiving data from the peer";
    n.sent_at = "2026-12-11T12:00:30Z";
    n.created_at = "2026-12-11T12:00:00Z";
    const auto j = wire::to_json(n);
    CHECK(j["next_attempt_at"].is_null());
    CHECK(j["event_sequence"] == 42);
    CHECK(wire::customer_notification_from_json(j) == n);

    n.state = "pending";
    n.sent_at.reset();
    n.last_error.reset();
    n.next_attempt_at = "2026-12-11T12:01:00Z";
    CHECK(wire::customer_notification_from_json(nlohmann::json::parse(wire::to_json(n).dump())) == n);
}
