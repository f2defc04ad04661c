#include "server/services/webhooks.h"

#include "server/clock/clock.h"
#include "server/security/random_id.h"
#include "server/security/webhook_signature.h"
#include "server/services/failure.h"
#include "server/services/service_context.h"
#include "server/store/database.h"
#include "server/store/event_store.h"
#include "server/store/webhook_delivery_store.h"
#include "server/store/webhook_store.h"
#include "shared/wire/json_reader.h"
#include "shared/wire/problem_codes.h"

namespace isp::services {
namespace {

void refuse_webhook_fields(FieldErrors errors) {
    if (!errors.empty())
        throw Failure(FailureKind::Invalid, wire::problem::validation_failed,
                      "The webhook has invalid fields; see errors.", std::move(errors));
}

// What the audit log says of an endpoint: its id, where it points and what it gets. The URL
// without its query, which may hold the receiver's own token (as in the access log).
std::string audited(const WebhookEndpoint& w) {
    std::string detail = w.webhook_id + " " + w.url.substr(0, w.url.find('?')) + " (";
    for (std::size_t i = 0; i < w.event_types.size(); ++i)
        detail += (i ? ", " : "") + w.event_types[i];
    return detail + (w.active ? ")" : ") inactive");
}

WebhookEndpoint existing_webhook(store::Connection& c, const std::string& webhook_id) {
    auto webhook = store::find_webhook(c, webhook_id);
    if (!webhook)
        throw Failure(FailureKind::NotFound, "webhook_not_found", "No webhook " + webhook_id + ".");
    return *webhook;
}

} // namespace

WebhookSecret create_webhook(store::Connection& c, ServiceContext& context, const NewWebhook& request,
                             const StaffActor& by) {
    FieldErrors errors;
    check_new_webhook(request, wire::staff_language, errors);
    refuse_webhook_fields(std::move(errors));
    const std::string now = context.clock.now_iso();
    WebhookSecret out{
        {security::new_id("whk_", 10), request.url, request.event_types, request.active, by.name, now, now},
        security::new_webhook_secret(),
        std::nullopt};
    // Events from its creation on: what happened before is in GET /events.
    store::insert_webhook(c, out.webhook, out.secret, store::last_event_sequence(c));
    record_staff_event(c, context.clock, "webhook_created", std::nullopt, "", by, audited(out.webhook));
    return out;
}

Page<WebhookEndpoint> webhook_page(ServiceContext& context, int per_page, std::int64_t offset) {
    return context.db.read([&](store::Connection& c) {
        return Page<WebhookEndpoint>{store::count_webhooks(c), store::list_webhooks(c, per_page, offset)};
    });
}

WebhookEndpoint get_webhook(ServiceContext& context, const std::string& webhook_id) {
    return context.db.read([&](store::Connection& c) { return existing_webhook(c, webhook_id); });
}

WebhookEndpoint change_webhook(ServiceContext& context, const std::string& webhook_id, const WebhookChange& change,
                               const StaffActor& by) {
    FieldErrors errors;
    check_webhook_change(change, wire::staff_language, errors);
    refuse_webhook_fields(std::move(errors));
    return context.db.write([&](store::Connection& c) {
        WebhookEndpoint webhook = existing_webhook(c, webhook_id);
        if (change.url)
            webhook.url = *change.url;
        if (change.event_types)
            webhook.event_types = *change.event_types;
        if (change.active)
            webhook.active = *change.active;
        webhook.updated_at = context.clock.now_iso();
        store::update_webhook(c, webhook);
        record_staff_event(c, context.clock, "webhook_changed", std::nullopt, "", by, audited(webhook));
        return webhook;
    });
}

void delete_webhook(ServiceContext& context, const std::string& webhook_id, const StaffActor& by) {
    context.db.write([&](store::Connection& c) {
        const WebhookEndpoint webhook = existing_webhook(c, webhook_id);
        store::delete_webhook(c, webhook_id);
        record_staff_event(c, context.clock, "webhook_deleted", std::nullopt, "", by, audited(webhook));
    });
}

WebhookSecret rotate_webhook_secret(ServiceContext& context, const std::string& webhook_id, const StaffActor& by,
                                    std::int64_t previous_seconds) {
    if (previous_seconds < 0 || previous_seconds > max_previous_secret_seconds)
        refuse_webhook_fields({{"previous_secret_valid_seconds", "out_of_range",
                                "previous_secret_valid_seconds is from 0 (the old secret stops at once) to " +
                                    std::to_string(max_previous_secret_seconds) + " (7 days)."}});
    return context.db.write([&](store::Connection& c) {
        WebhookSecret out{existing_webhook(c, webhook_id), security::new_webhook_secret(), std::nullopt};
        out.webhook.updated_at = context.clock.now_iso();
        if (previous_seconds > 0)
            out.previous_secret_expires_at = Clock::iso_timestamp(context.clock.now_unix() + previous_seconds);
        store::set_webhook_secret(c, webhook_id, out.secret, out.previous_secret_expires_at, out.webhook.updated_at);
        record_staff_event(c, context.clock, "webhook_secret_rotated", std::nullopt, "", by, audited(out.webhook));
        return out;
    });
}

Page<WebhookDelivery> webhook_delivery_page(ServiceContext& context, const std::string& webhook_id, int per_page,
                                            std::int64_t offset) {
    return context.db.read([&](store::Connection& c) {
        existing_webhook(c, webhook_id);
        return Page<WebhookDelivery>{store::count_deliveries(c, webhook_id),
                                     store::list_deliveries(c, webhook_id, per_page, offset)};
    });
}

WebhookDelivery replay_delivery(ServiceContext& context, const std::string& webhook_id,
                                const std::string& delivery_id) {
    return context.db.write([&](store::Connection& c) {
        existing_webhook(c, webhook_id);
        const auto delivery = store::find_delivery(c, webhook_id, delivery_id);
        if (!delivery)
            throw Failure(FailureKind::NotFound, "delivery_not_found",
                          "Webhook " + webhook_id + " has no delivery " + delivery_id + ".");
        if (delivery->state == DeliveryState::Pending)
            throw Failure(FailureKind::Conflict, "delivery_pending",
                          "Delivery " + delivery_id + " is still being retried" +
                              (delivery->next_attempt_at ? " (next attempt " + *delivery->next_attempt_at + ")" : "") +
                              "; replay it once it is delivered or failed.");
        const std::string replay_id = security::new_id("dlv_", 10);
        store::insert_delivery(c, replay_id, webhook_id, delivery->event_sequence, context.clock.now_iso(),
                               delivery_id);
        return *store::find_delivery(c, webhook_id, replay_id);
    });
}

} // namespace isp::services
