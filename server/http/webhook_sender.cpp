#include "server/http/webhook_sender.h"

#include <chrono>

#include <httplib.h>

#include "shared/domain/webhook.h"

namespace isp::http {

WebhookSender::WebhookSender(std::string ca_file) : ca_file_(std::move(ca_file)) {}

WebhookSender::~WebhookSender() = default;

httplib::Client& WebhookSender::client_for(const std::string& scheme_host_port) {
    auto& client = clients_[scheme_host_port];
    if (!client) {
        client = std::make_unique<httplib::Client>(scheme_host_port);
        client->set_connection_timeout(5, 0);
        client->set_read_timeout(10, 0);
        client->set_write_timeout(10, 0);
        client->set_max_timeout(std::chrono::seconds(15));
        client->set_follow_location(false);
        client->set_keep_alive(true);
        // Headers and body go out in two writes: without this, Nagle's algorithm holds the
        // second until the receiver's delayed ACK, 40 ms per delivery on a kept connection.
        client->set_tcp_nodelay(true);
        if (!ca_file_.empty())
            client->set_ca_cert_path(ca_file_);
    }
    return *client;
}

services::WebhookAttempt WebhookSender::post(const std::string& url, const Headers& headers, const std::string& body) {
    services::WebhookAttempt attempt;
    const auto parts = parse_webhook_url(url);
    if (!parts) {
        attempt.error = "invalid URL";
        return attempt;
    }
    httplib::Client& client = client_for(parts->scheme_host_port);
    httplib::Headers request_headers;
    for (const auto& [name, value] : headers)
        request_headers.emplace(name, value);
    {
        std::lock_guard lock(mutex_);
        if (interrupted_) {
            attempt.error = "not sent: the server is stopping";
            return attempt;
        }
        in_flight_ = &client;
    }
    const auto started = std::chrono::steady_clock::now();
    // The answer's body is read and dropped: only its status counts.
    const auto res = client.Post(parts->path_and_query, request_headers, body, "application/json",
                                 [](const char*, std::size_t) { return true; });
    attempt.response_time_ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
    {
        std::lock_guard lock(mutex_);
        in_flight_ = nullptr;
    }
    if (!res) {
        attempt.error = httplib::to_string(res.error());
        clients_.erase(parts->scheme_host_port); // whatever state its connection is in: start afresh
        return attempt;
    }
    attempt.status_code = res->status;
    if (res->status < 200 || res->status >= 300) {
        attempt.error = "HTTP " + std::to_string(res->status);
        clients_.erase(parts->scheme_host_port);
    }
    return attempt;
}

void WebhookSender::interrupt() {
    std::lock_guard lock(mutex_);
    interrupted_ = true;
    if (in_flight_)
        in_flight_->stop();
}

} // namespace isp::http
