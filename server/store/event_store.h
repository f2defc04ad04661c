// SQL of outbox_events: what happened, in order (see migration 11).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "server/store/database.h"
#include "shared/domain/event.h"

namespace isp::store {

// Appends `event` (its sequence is given here, and returned).
std::int64_t append_event(Connection& c, const Event& event);
// Events after `after_sequence`, in order, at most `limit`.
std::vector<Event> list_events_after(Connection& c, std::int64_t after_sequence, int limit);
// One event by its id.
std::optional<Event> find_event(Connection& c, std::string_view event_id);
// The sequence of the newest event; 0 when there is none.
std::int64_t last_event_sequence(Connection& c);

// Appends many events through one statement held for the whole transaction.
class EventAppender {
public:
    explicit EventAppender(Connection& c);
    void append(const std::string& event_id, const std::string& type, const std::string& occurred_at,
                const std::string& contract_id, const std::string& client_id, const std::string& data);

private:
    Statement insert_;
};

} // namespace isp::store
