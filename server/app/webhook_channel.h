// The deliverer's webhook channel: makes the deliveries of new events, then POSTs the due
// ones, each signed with its endpoint's secret (X-Portal-Signature, security/webhook_signature.h)
// and named by X-Portal-Event-Id, and records each answer (services/webhook_deliveries.h).
#pragma once
#include <string>
#include <utility>

#include "server/app/deliverer.h"
#include "server/http/webhook_sender.h"

namespace isp::services {
struct ServiceContext;
}

namespace isp {

class WebhookChannel final : public DeliveryChannel {
public:
    WebhookChannel(services::ServiceContext& context, std::string ca_file)
        : context_(context), sender_(std::move(ca_file)) {}
    const char* name() const override { return "webhooks"; }
    int deliver_due(const std::atomic<bool>& stopping) override;
    void interrupt() override { sender_.interrupt(); }

private:
    services::ServiceContext& context_;
    http::WebhookSender sender_;
};

} // namespace isp
