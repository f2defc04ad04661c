// Telling customers by e-mail (docs/lifecycle.md), the rules of it: an e-mail is made from
// the outbox for each event a customer is told about (services/customer_emails.h), in the
// transaction that moves the e-mail channel's cursor (none twice, none missed, also across
// a crash); it is done once the relay took it, retried on the shared RetrySchedule for 24 h
// otherwise, failed at once when the relay refuses it for good. Sending is the deliverer's
// (server/app/email_channel.h); this knows no SMTP.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "server/mail/outgoing_email.h"
#include "server/services/page.h"
#include "shared/domain/customer_notification.h"
#include "shared/domain/retry_schedule.h"

namespace isp::services {
struct ServiceContext;

inline constexpr RetrySchedule email_retries{};

// At start with e-mail on: the first time, the channel starts reading after the last event
// so far - turning e-mail on does not send the customers what happened before.
void start_customer_emails(ServiceContext& context);
// Makes the e-mails of the next events the channel has not read yet, at most
// `max_events` of them (in short transactions); how many events were read. A pass reads a
// bounded share, then sends: after a billing run's 100,000 events, the first invoices go
// out at once rather than once every e-mail is made.
int queue_customer_emails(ServiceContext& context, int max_events);

struct EmailDispatch {
    std::string notification_id;
    mail::OutgoingEmail email; // composed now, attachments included
};
// Pending e-mails due now, at most `limit`, oldest first.
std::vector<EmailDispatch> due_customer_emails(ServiceContext& context, int limit);

struct EmailAttempt {
    bool sent = false;
    bool permanent = false; // refused for good: no retry
    std::string error;
};
struct MadeEmailAttempt {
    std::string notification_id;
    EmailAttempt attempt;
};
// Records the attempts of a pass in one transaction (one disk sync, not one per e-mail):
// sent, or the next attempt, or failed (a permanent refusal, or 24 h of retries). Killed
// before this, the pass's e-mails are sent again at the next start, with the same
// Message-ID (at-least-once).
void record_email_attempts(ServiceContext& context, const std::vector<MadeEmailAttempt>& attempts);

// A customer's notifications, newest first; 404 customer_not_found for an unknown customer.
Page<CustomerNotification> customer_notifications(ServiceContext& context, const std::string& client_id,
                                                  std::int64_t limit, std::int64_t offset);

} // namespace isp::services
