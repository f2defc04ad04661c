#include "shared/wire/customer_notification_json.h"

#include "shared/wire/json_reader.h"
#include "shared/wire/optional_json.h"

namespace isp::wire {

nlohmann::json to_json(const CustomerNotification& n) {
    return {{"notification_id", n.notification_id},
            {"client_id", n.client_id},
            {"event_sequence", n.event_sequence},
            {"event_id", n.event_id},
            {"event_type", n.event_type},
            {"channel", n.channel},
            {"recipient", n.recipient},
            {"subject", n.subject},
            {"state", n.state},
            {"attempts", n.attempts},
            {"last_error", or_null(n.last_error)},
            {"next_attempt_at", or_null(n.next_attempt_at)},
            {"sent_at", or_null(n.sent_at)},
            {"created_at", n.created_at}};
}

CustomerNotification customer_notification_from_json(const nlohmann::json& j) {
    CustomerNotification n;
    n.notification_id = j.at("notification_id").get<std::string>();
    n.client_id = j.at("client_id").get<std::string>();
    n.event_sequence = integer_value<std::int64_t>(j.at("event_sequence"));
    n.event_id = j.at("event_id").get<std::string>();
    n.event_type = j.at("event_type").get<std::string>();
    n.channel = j.at("channel").get<std::string>();
    n.recipient = j.at("recipient").get<std::string>();
    n.subject = j.at("subject").get<std::string>();
    n.state = j.at("state").get<std::string>();
    n.attempts = integer_value<std::int64_t>(j.at("attempts"));
    n.last_error = null_or<std::string>(j, "last_error");
    n.next_attempt_at = null_or<std::string>(j, "next_attempt_at");
    n.sent_at = null_or<std::string>(j, "sent_at");
    n.created_at = j.at("created_at").get<std::string>();
    return n;
}

} // namespace isp::wire
