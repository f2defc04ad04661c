// The deliverer's e-mail channel: makes the customers' e-mails of new events, then sends the
// due ones through the SMTP relay (mail/smtp_sender.h) and records each outcome
// (services/customer_notifications.h). Added only when --smtp-url is set.
#pragma once
#include "server/app/deliverer.h"
#include "server/mail/smtp_sender.h"

namespace isp::services {
struct ServiceContext;
}

namespace isp {

class EmailChannel final : public DeliveryChannel {
public:
    explicit EmailChannel(services::ServiceContext& context);
    const char* name() const override { return "email"; }
    int deliver_due(const std::atomic<bool>& stopping) override;
    void interrupt() override { sender_.interrupt(); }

private:
    services::ServiceContext& context_;
    mail::SmtpSender sender_;
};

} // namespace isp
