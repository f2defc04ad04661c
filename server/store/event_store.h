// SQL of outbox_events: what happened, in order (see migration 11).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "server/store/database.h"
#include "shared/domain/event.h"

namespace isp::store {

// Appends `event` (its sequence is given here, and returned).
std::int64_t append_event(Connection& c, const Event& event);
// Reading events, for this file and the webhooks' (which join them): the select list (20
// columns, the event's first), the join that reads an invoice.issued event's invoice, and
// the Event of a row (its data written out in full) from column `first`.
std::string outbox_event_columns();
std::string outbox_event_join();
Event outbox_event_from_row(const Statement& st, int first);

// Events after `after_sequence`, in order, at most `limit`.
std::vector<Event> list_events_after(Connection& c, std::int64_t after_sequence, int limit);
// One event by its sequence, its data written out in full.
std::optional<Event> find_event(Connection& c, std::int64_t sequence);
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
