// A message the server sent (or is sending) to a customer about an event of their account
// (issue #15): today an e-mail. Staff see them per customer (GET /customers/{id}/notifications,
// the console's customer page): what was said, to which address, and whether it went out.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace isp {

struct CustomerNotification {
    std::string notification_id; // "ntf_..."
    std::string client_id;
    std::int64_t event_sequence = 0; // the event's place in the outbox (GET /events)
    std::string event_id;
    std::string event_type;
    std::string channel = "email";
    std::string recipient; // the address it was sent to, as it was then
    std::string subject;
    std::string state = "pending"; // pending, sent, failed
    std::int64_t attempts = 0;
    std::optional<std::string> last_error;
    std::optional<std::string> next_attempt_at; // while pending
    std::optional<std::string> sent_at;
    std::string created_at;
    bool operator==(const CustomerNotification&) const = default;
};

} // namespace isp
