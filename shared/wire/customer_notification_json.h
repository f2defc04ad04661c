// JSON of a customer's notification (GET /api/v1/customers/{client_id}/notifications), for
// the server and the console alike.
#pragma once
#include <nlohmann/json.hpp>

#include "shared/domain/customer_notification.h"

namespace isp::wire {

nlohmann::json to_json(const CustomerNotification& n);
CustomerNotification customer_notification_from_json(const nlohmann::json& j);

} // namespace isp::wire
