#include "server/app/webhook_channel.h"

#include <chrono>
#include <vector>

#include "server/clock/clock.h"
#include "server/observability/log.h"
#include "server/security/webhook_signature.h"
#include "server/services/service_context.h"
#include "server/services/webhook_deliveries.h"

namespace isp {
namespace {

// Deliveries sent per pass; the deliverer runs another pass at once when a pass used them all.
constexpr int deliveries_per_pass = 50;

} // namespace

int WebhookChannel::deliver_due(const std::atomic<bool>& stopping) {
    namespace obs = observability;
    // A bounded share of the new events each pass, then send: the first deliveries of a
    // 100,000-invoice run leave at once. Events no endpoint wants are read on until a
    // delivery is due or none is left, so a pass that sends nothing has nothing left to do.
    bool more = services::queue_webhook_deliveries(context_);
    auto due = services::due_webhook_deliveries(context_, deliveries_per_pass);
    while (due.empty() && more && !stopping) {
        more = services::queue_webhook_deliveries(context_);
        due = services::due_webhook_deliveries(context_, deliveries_per_pass);
    }
    int attempts = 0;
    // Outcomes are recorded together (one disk sync), at the end of the pass or once a second
    // has passed, so a delivery log lags a slow receiver by little.
    std::vector<services::MadeAttempt> made;
    auto batch_started = std::chrono::steady_clock::now();
    const auto record = [&] {
        services::record_webhook_attempts(context_, made);
        made.clear();
        batch_started = std::chrono::steady_clock::now();
    };
    for (const services::WebhookDispatch& d : due) {
        if (stopping)
            break;
        const http::WebhookSender::Headers headers = {
            {"User-Agent", "isp-portal-webhooks/" ISP_VERSION},
            {"X-Portal-Event-Id", d.event_id},
            {"X-Portal-Event-Type", d.event_type},
            {"X-Portal-Delivery-Id", d.delivery_id},
            {"X-Portal-Signature",
             security::webhook_signature(d.secret, context_.clock.now_unix(), d.body, d.previous_secret)}};
        const services::WebhookAttempt attempt = sender_.post(d.url, headers, d.body);
        if (stopping)
            break; // perhaps cut by the stop: not recorded, so sent again at the next start
        made.push_back({d.delivery_id, d.webhook_id, attempt});
        ++attempts;
        // Neither the URL (its query may hold a receiver's token) nor the secret.
        obs::log(attempt.status_code && *attempt.status_code / 100 == 2 ? obs::LogLevel::debug : obs::LogLevel::warn,
                 {{"message", "webhook delivery attempt"},
                  {"webhook_id", d.webhook_id},
                  {"delivery_id", d.delivery_id},
                  {"event_id", d.event_id},
                  {"status", attempt.status_code ? nlohmann::ordered_json(*attempt.status_code)
                                                 : nlohmann::ordered_json(nullptr)},
                  {"error", attempt.error},
                  {"duration_ms", attempt.response_time_ms}});
        if (std::chrono::steady_clock::now() - batch_started > std::chrono::seconds(1))
            record();
    }
    record(); // also what was sent before a stop cut the pass
    return attempts;
}

} // namespace isp
