#include "server/services/customer_notifications.h"

#include "server/clock/clock.h"
#include "server/security/random_id.h"
#include "server/services/customer_emails.h"
#include "server/services/failure.h"
#include "server/services/service_context.h"
#include "server/store/client_store.h"
#include "server/store/database.h"
#include "server/store/event_store.h"
#include "server/store/notification_store.h"

namespace isp::services {
namespace {

// Events read per transaction: a billing run's 100,000 invoice.issued are made into e-mails
// over many short transactions, never one long one that would hold the writer.
constexpr int events_per_batch = 200;

} // namespace

void start_customer_emails(ServiceContext& context) {
    context.db.write([&](store::Connection& c) {
        if (!store::email_cursor(c))
            store::set_email_cursor(c, store::last_event_sequence(c));
    });
}

int queue_customer_emails(ServiceContext& context, int max_events) {
    int read = 0;
    while (read < max_events) {
        const auto [batch, done] = context.db.write([&](store::Connection& c) {
            const std::string now = context.clock.now_iso();
            auto cursor = store::email_cursor(c);
            if (!cursor) { // started without start_customer_emails(): begin from now
                store::set_email_cursor(c, store::last_event_sequence(c));
                return std::pair{0, true};
            }
            const auto events = store::list_events_after(c, *cursor, events_per_batch);
            for (const Event& event : events) {
                const auto email = customer_email_for(context, c, event, Attachments::Omit);
                if (email) {
                    CustomerNotification n;
                    n.notification_id = security::new_id("ntf_", 10);
                    n.client_id = *event.client_id;
                    n.event_sequence = event.sequence;
                    n.event_id = event.event_id;
                    n.recipient = email->to_address;
                    n.subject = email->subject;
                    n.created_at = now;
                    n.next_attempt_at = now;
                    store::insert_notification(c, n);
                }
                cursor = event.sequence;
            }
            store::set_email_cursor(c, *cursor);
            return std::pair{static_cast<int>(events.size()), static_cast<int>(events.size()) < events_per_batch};
        });
        read += batch;
        if (done)
            break;
    }
    return read;
}

std::vector<EmailDispatch> due_customer_emails(ServiceContext& context, int limit) {
    return context.db.read([&](store::Connection& c) {
        std::vector<EmailDispatch> out;
        for (const CustomerNotification& n : store::due_notifications(c, context.clock.now_iso(), limit)) {
            const auto event = store::find_event(c, n.event_sequence);
            auto email = event ? customer_email_for(context, c, *event, Attachments::Include) : std::nullopt;
            if (!email)
                continue; // the customer's address is gone since: nothing to send (the row stays pending)
            email->to_address = n.recipient; // the address it was queued for
            out.push_back({n.notification_id, std::move(*email)});
        }
        return out;
    });
}

namespace {

void record_email_attempt(store::Connection& c, const Clock& clock, const MadeEmailAttempt& made) {
    const std::int64_t now_unix = clock.now_unix();
    const std::string now = clock.now_iso();
    const std::string& notification_id = made.notification_id;
    const EmailAttempt& attempt = made.attempt;
    const auto n = store::find_notification(c, notification_id);
    if (!n || n->state != "pending")
        return;
    if (attempt.sent) {
        store::record_notification_attempt(c, notification_id, "sent", std::nullopt, std::nullopt, now);
        return;
    }
    std::int64_t first = now_unix;
    if (const auto at = store::first_attempt_at(c, notification_id); at)
        parse_iso_timestamp(*at, first);
    const auto next = attempt.permanent
                          ? std::nullopt
                          : next_attempt_at(email_retries, static_cast<int>(n->attempts) + 1, first, now_unix);
    store::record_notification_attempt(c, notification_id, next ? "pending" : "failed", attempt.error,
                                       next ? std::optional<std::string>(Clock::iso_timestamp(*next)) : std::nullopt,
                                       now);
}

} // namespace

void record_email_attempts(ServiceContext& context, const std::vector<MadeEmailAttempt>& attempts) {
    if (attempts.empty())
        return;
    context.db.write([&](store::Connection& c) {
        for (const MadeEmailAttempt& made : attempts)
            record_email_attempt(c, context.clock, made);
    });
}

Page<CustomerNotification> customer_notifications(ServiceContext& context, const std::string& client_id,
                                                  std::int64_t limit, std::int64_t offset) {
    return context.db.read([&](store::Connection& c) {
        if (!store::find_client(c, client_id))
            throw Failure(FailureKind::NotFound, "customer_not_found", "No customer " + client_id + ".");
        return Page<CustomerNotification>{store::count_client_notifications(c, client_id),
                                          store::list_client_notifications(c, client_id, limit, offset)};
    });
}

} // namespace isp::services
