// SQL of outbox_events: what happened, in order (see migration 11).
#pragma once
#include <cstdint>
#include <vector>

#include "shared/domain/event.h"

namespace isp::store {
class Connection;

// Appends `event` (its sequence is given here, and returned).
std::int64_t append_event(Connection& c, const Event& event);
// Events after `after_sequence`, in order, at most `limit`.
std::vector<Event> list_events_after(Connection& c, std::int64_t after_sequence, int limit);

} // namespace isp::store
