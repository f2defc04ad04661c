#include "webhook_receiver.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <doctest/doctest.h>

#include <cstdio>

namespace isp::test {

WebhookReceiver::WebhookReceiver() : http_(std::make_unique<httplib::Server>()) {
    start();
}

WebhookReceiver::WebhookReceiver(const std::string& cert_path, const std::string& key_path)
    : http_(std::make_unique<httplib::SSLServer>(cert_path.c_str(), key_path.c_str())), scheme_("https") {
    REQUIRE(http_->is_valid());
    start();
}

void WebhookReceiver::start() {
    http_->Post(".*", [this](const httplib::Request& req, httplib::Response& res) {
        std::unique_lock lock(mutex_);
        received_.push_back({req.get_header_value("X-Portal-Event-Id"), req.get_header_value("X-Portal-Event-Type"),
                             req.get_header_value("X-Portal-Delivery-Id"), req.get_header_value("X-Portal-Signature"),
                             req.get_header_value("Content-Type"), req.body, 0});
        const std::size_t index = received_.size() - 1;
        changed_.notify_all();
        int status = default_status_;
        if (held_) {
            changed_.wait_for(lock, std::chrono::seconds(60), [this] { return !held_; });
            status = 503;
        } else if (!planned_.empty()) {
            status = planned_.front();
            planned_.pop_front();
        }
        received_[index].answered = status;
        changed_.notify_all();
        res.status = status;
        res.set_content("{}", "application/json");
    });
    port_ = http_->bind_to_any_port("127.0.0.1");
    REQUIRE(port_ > 0);
    thread_ = std::thread([this] { http_->listen_after_bind(); });
    http_->wait_until_ready();
}

WebhookReceiver::~WebhookReceiver() {
    hold(false);
    http_->stop();
    if (thread_.joinable())
        thread_.join();
}

std::string WebhookReceiver::url(const std::string& path) const {
    return scheme_ + "://127.0.0.1:" + std::to_string(port_) + path;
}

void WebhookReceiver::answer_next(std::vector<int> statuses) {
    std::lock_guard lock(mutex_);
    planned_.insert(planned_.end(), statuses.begin(), statuses.end());
}

void WebhookReceiver::answer_by_default(int status) {
    std::lock_guard lock(mutex_);
    default_status_ = status;
}

void WebhookReceiver::hold(bool on) {
    std::lock_guard lock(mutex_);
    held_ = on;
    changed_.notify_all();
}

std::vector<ReceivedWebhook> WebhookReceiver::received() const {
    std::lock_guard lock(mutex_);
    return received_;
}

bool WebhookReceiver::wait_for(std::size_t count, std::chrono::seconds timeout) const {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, timeout, [&] { return received_.size() >= count; });
}

std::set<std::string> WebhookReceiver::delivered_event_ids() const {
    std::lock_guard lock(mutex_);
    std::set<std::string> ids;
    for (const ReceivedWebhook& r : received_)
        if (r.answered >= 200 && r.answered < 300)
            ids.insert(r.event_id);
    return ids;
}

bool signature_valid(const std::string& secret, const std::string& signature, const std::string& body, long long* t) {
    // "t=<unix>,v1=<hex>[,v1=<hex>]": any v1 made with `secret` will do (a rotation's overlap).
    long long time = 0;
    int consumed = 0;
    if (std::sscanf(signature.c_str(), "t=%lld%n", &time, &consumed) != 1 ||
        signature.compare(0, static_cast<std::size_t>(consumed), "t=" + std::to_string(time)) != 0)
        return false;
    const std::string message = std::to_string(time) + "." + body;
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
         reinterpret_cast<const unsigned char*>(message.data()), message.size(), mac, &length);
    char expected[65] = {};
    for (unsigned int i = 0; i < length && i < 32; ++i)
        std::snprintf(expected + 2 * i, 3, "%02x", mac[i]);
    bool any = false;
    for (std::size_t at = static_cast<std::size_t>(consumed); at < signature.size(); at += 4 + 64) {
        if (signature.compare(at, 4, ",v1=") != 0 || signature.size() < at + 4 + 64)
            return false; // not the documented shape
        any = any || CRYPTO_memcmp(expected, signature.data() + at + 4, 64) == 0;
    }
    if (t)
        *t = time;
    return length == 32 && any;
}

} // namespace isp::test
