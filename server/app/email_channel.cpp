#include "server/app/email_channel.h"

#include "server/config/server_config.h"
#include "server/observability/log.h"
#include "server/services/customer_notifications.h"
#include "server/services/service_context.h"

namespace isp {
namespace {

// E-mails sent per pass; the deliverer runs another pass at once when a pass used them all.
constexpr int emails_per_pass = 20;

} // namespace

EmailChannel::EmailChannel(services::ServiceContext& context) : context_(context), sender_(context.config.smtp) {}

int EmailChannel::deliver_due(const std::atomic<bool>& stopping) {
    namespace obs = observability;
    services::queue_customer_emails(context_);
    int attempts = 0;
    for (const services::EmailDispatch& d : services::due_customer_emails(context_, emails_per_pass)) {
        if (stopping)
            break;
        const mail::SendOutcome outcome = sender_.send(d.email);
        if (stopping && !outcome.sent)
            break; // perhaps cut by the stop: not recorded, so tried again at the next start
        services::record_email_attempt(context_, d.notification_id, {outcome.sent, outcome.permanent, outcome.error});
        ++attempts;
        // Never the address or the subject (personal data): the ids say which e-mail it was.
        obs::log(outcome.sent ? obs::LogLevel::debug : obs::LogLevel::warn,
                 {{"message", "e-mail attempt"},
                  {"notification_id", d.notification_id},
                  {"sent", outcome.sent},
                  {"permanent", outcome.permanent},
                  {"smtp_code", static_cast<std::int64_t>(outcome.smtp_code)},
                  {"error", outcome.error}});
    }
    return attempts;
}

} // namespace isp
