// SQL of customer_notifications (migration 14): the e-mails made from the outbox for the
// customers, their attempts and state; and the e-mail channel's cursor in outbox_events.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/domain/customer_notification.h"

namespace isp::store {

class Connection;

// How far the e-mail channel has read outbox_events; nullopt before its first pass.
std::optional<std::int64_t> email_cursor(Connection& c);
void set_email_cursor(Connection& c, std::int64_t after_sequence);

// Inserts it (once per event: a second insert for the same event is ignored).
void insert_notification(Connection& c, const CustomerNotification& n);
// Pending ones whose next attempt is due at `now` (ISO text), oldest first.
std::vector<CustomerNotification> due_notifications(Connection& c, const std::string& now, int limit);
std::optional<CustomerNotification> find_notification(Connection& c, std::string_view notification_id);
// The first attempt's time, for the retry window.
std::optional<std::string> first_attempt_at(Connection& c, std::string_view notification_id);
void record_notification_attempt(Connection& c, std::string_view notification_id, const std::string& state,
                                 const std::optional<std::string>& error,
                                 const std::optional<std::string>& next_attempt_at, const std::string& now);

std::int64_t count_client_notifications(Connection& c, std::string_view client_id);
// Newest first.
std::vector<CustomerNotification> list_client_notifications(Connection& c, std::string_view client_id,
                                                            std::int64_t limit, std::int64_t offset);

} // namespace isp::store
