#include "server/services/webhook_deliveries.h"

#include <algorithm>

#include "server/clock/clock.h"
#include "server/security/random_id.h"
#include "server/services/service_context.h"
#include "server/store/database.h"
#include "server/store/event_store.h"
#include "server/store/webhook_delivery_store.h"
#include "server/store/webhook_store.h"
#include "shared/wire/event_json.h"

namespace isp::services {
namespace {

// Events read per endpoint and transaction: a 100,000-invoice run is queued in short
// transactions, so the writer is never held long.
constexpr int queue_batch = 1000;

bool endpoint_wants(const store::WebhookCursor& w, const std::string& type) {
    return std::find(w.event_types.begin(), w.event_types.end(), type) != w.event_types.end();
}

} // namespace

bool queue_webhook_deliveries(ServiceContext& context) {
    if (!context.db.read([](store::Connection& c) { return store::webhooks_behind(c); }))
        return false;
    return context.db.write([&](store::Connection& c) {
        bool more = false;
        const std::string now = context.clock.now_iso();
        for (const store::WebhookCursor& w : store::list_webhook_cursors(c)) {
            const auto events = store::list_events_after(c, w.after_sequence, queue_batch);
            if (events.empty())
                continue;
            for (const Event& e : events)
                if (w.active && endpoint_wants(w, e.type))
                    store::insert_delivery(c, security::new_id("dlv_", 10), w.webhook_id, e.sequence, now);
            store::set_webhook_cursor(c, w.webhook_id, events.back().sequence);
            more = more || static_cast<int>(events.size()) == queue_batch;
        }
        return more;
    });
}

std::vector<WebhookDispatch> due_webhook_deliveries(ServiceContext& context, int limit) {
    const auto due = context.db.read(
        [&](store::Connection& c) { return store::list_due_deliveries(c, context.clock.now_iso(), limit); });
    std::vector<WebhookDispatch> out;
    out.reserve(due.size());
    for (const store::DueDelivery& d : due)
        out.push_back({d.delivery_id, d.webhook_id, d.url, d.secret, d.previous_secret, d.event.event_id, d.event.type,
                       wire::to_json(d.event).dump()});
    return out;
}

namespace {

void record_attempt(store::Connection& c, ServiceContext& context, const MadeAttempt& made) {
    auto delivery = store::find_delivery(c, made.webhook_id, made.delivery_id);
    if (!delivery || delivery->state != DeliveryState::Pending)
        return;
    const WebhookAttempt& attempt = made.attempt;
    const std::int64_t now_unix = context.clock.now_unix();
    const std::string now = Clock::iso_timestamp(now_unix);
    WebhookDelivery& d = *delivery;
    d.attempt_count += 1;
    if (!d.first_attempt_at)
        d.first_attempt_at = now;
    d.last_attempt_at = now;
    d.last_status_code = attempt.status_code;
    d.response_time_ms = attempt.response_time_ms;
    const bool ok = attempt.status_code && *attempt.status_code >= 200 && *attempt.status_code < 300;
    d.last_error = ok ? std::nullopt : std::optional<std::string>(attempt.error);
    if (ok) {
        d.state = DeliveryState::Delivered;
        d.delivered_at = now;
        d.next_attempt_at = std::nullopt;
    } else {
        std::int64_t first = now_unix;
        parse_iso_timestamp(*d.first_attempt_at, first);
        const auto next = next_attempt_at(webhook_retries, d.attempt_count, first, now_unix);
        d.state = next ? DeliveryState::Pending : DeliveryState::Failed;
        d.next_attempt_at = next ? std::optional<std::string>(Clock::iso_timestamp(*next)) : std::nullopt;
    }
    store::update_delivery_attempt(c, d);
}

} // namespace

void record_webhook_attempts(ServiceContext& context, const std::vector<MadeAttempt>& attempts) {
    if (attempts.empty())
        return;
    context.db.write([&](store::Connection& c) {
        for (const MadeAttempt& made : attempts)
            record_attempt(c, context, made);
    });
}

} // namespace isp::services
