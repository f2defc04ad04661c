// The HTTP side of a webhook: one signed POST to a receiver, with cpp-httplib's client (the
// library the server already serves with; https verified against the system's CA
// certificates, or the operator's --webhook-ca-file). Redirects are not followed (a 3xx is a
// failed attempt), the answer's body is read and dropped, and time limits keep one slow
// receiver from holding the deliverer: 5 s to connect, 10 s to send or between reads, 15 s
// in all. The connection to each receiver is kept open between deliveries (a billing run
// sends thousands); one that failed is dropped and the next delivery connects afresh.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "server/services/webhook_deliveries.h"

namespace httplib {
class Client;
}

namespace isp::http {

class WebhookSender {
public:
    using Headers = std::vector<std::pair<std::string, std::string>>;

    explicit WebhookSender(std::string ca_file = {});
    ~WebhookSender();
    WebhookSender(const WebhookSender&) = delete;
    WebhookSender& operator=(const WebhookSender&) = delete;

    // POSTs `body` (application/json) to `url` (already checked by parse_webhook_url).
    services::WebhookAttempt post(const std::string& url, const Headers& headers, const std::string& body);
    // From another thread: cuts the request in flight, if any, and every later one (the
    // server is stopping).
    void interrupt();

private:
    httplib::Client& client_for(const std::string& scheme_host_port);

    const std::string ca_file_;
    // One per receiver ("https://host:port"), used by the deliverer's webhook thread only.
    std::map<std::string, std::unique_ptr<httplib::Client>> clients_;
    std::mutex mutex_;
    httplib::Client* in_flight_ = nullptr;
    bool interrupted_ = false;
};

} // namespace isp::http
