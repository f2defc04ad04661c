// Something that happened to a customer's contract or account (a status changed, a change
// was scheduled or cancelled...), as the server tells it to other systems: written in the
// same transaction as the change itself, read in `sequence` order; a receiver that may see
// an event twice drops duplicates by `event_id`.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace isp {

struct Event {
    std::int64_t sequence = 0; // the order of events; given by the store
    std::string event_id;      // "evt_..."
    std::string type;          // "contract.status_changed", "contract.change_scheduled", ...
    std::string occurred_at;   // ISO 8601 UTC
    std::optional<std::string> contract_id;
    std::optional<std::string> client_id;
    std::string data; // JSON object text: the event's details (no personal data)
    bool operator==(const Event&) const = default;
};

// Every type of event the server writes (docs/lifecycle.md says what each one's data holds);
// a webhook endpoint subscribes to some of them.
inline constexpr std::array<std::string_view, 9> event_types = {
    "contract.created",          "contract.plan_changed",     "contract.status_changed",
    "contract.change_scheduled", "contract.change_cancelled", "invoice.issued",
    "invoice.reminder",          "payment.received",          "contract.cancellation_requested",
};

inline bool is_event_type(std::string_view type) {
    for (std::string_view t : event_types)
        if (t == type)
            return true;
    return false;
}

} // namespace isp
