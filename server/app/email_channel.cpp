#include "server/app/email_channel.h"

#include <chrono>
#include <vector>

#include "server/config/server_config.h"
#include "server/observability/log.h"
#include "server/services/customer_notifications.h"
#include "server/services/service_context.h"

namespace isp {
namespace {

// E-mails sent per pass; the deliverer runs another pass at once when a pass used them all.
constexpr int emails_per_pass = 20;
// Events read per pass to make e-mails of: more than are sent, so the queue keeps ahead.
constexpr int events_per_pass = 1000;

} // namespace

EmailChannel::EmailChannel(services::ServiceContext& context) : context_(context), sender_(context.config.smtp) {}

int EmailChannel::deliver_due(const std::atomic<bool>& stopping) {
    namespace obs = observability;
    // A bounded share of the new events each pass, then send: after a billing run's 100,000
    // events the first invoices go out at once. Events that make no e-mail are read on until
    // one is due or none is left, so a pass that sends nothing has nothing left to do.
    int read = services::queue_customer_emails(context_, events_per_pass);
    auto due = services::due_customer_emails(context_, emails_per_pass);
    while (due.empty() && read >= events_per_pass && !stopping) {
        read = services::queue_customer_emails(context_, events_per_pass);
        due = services::due_customer_emails(context_, emails_per_pass);
    }
    int attempts = 0;
    // Outcomes are recorded together (one disk sync), at the end of the pass or once a second
    // has passed.
    std::vector<services::MadeEmailAttempt> made;
    auto batch_started = std::chrono::steady_clock::now();
    const auto record = [&] {
        services::record_email_attempts(context_, made);
        made.clear();
        batch_started = std::chrono::steady_clock::now();
    };
    for (const services::EmailDispatch& d : due) {
        if (stopping)
            break;
        const mail::SendOutcome outcome = sender_.send(d.email);
        if (stopping && !outcome.sent)
            break; // perhaps cut by the stop: not recorded, so tried again at the next start
        made.push_back({d.notification_id, {outcome.sent, outcome.permanent, outcome.error}});
        ++attempts;
        // Never the address or the subject (personal data): the ids say which e-mail it was.
        obs::log(outcome.sent ? obs::LogLevel::debug : obs::LogLevel::warn,
                 {{"message", "e-mail attempt"},
                  {"notification_id", d.notification_id},
                  {"sent", outcome.sent},
                  {"permanent", outcome.permanent},
                  {"smtp_code", static_cast<std::int64_t>(outcome.smtp_code)},
                  {"error", outcome.error}});
        if (std::chrono::steady_clock::now() - batch_started > std::chrono::seconds(1))
            record();
    }
    record(); // also what was sent before a stop cut the pass
    return attempts;
}

} // namespace isp
