// A real webhook receiver for API tests: a cpp-httplib server (plain, or HTTPS with a test
// certificate) on a loopback port that records
// every POST it gets (event id, signature, body) and answers as the test says: 200, a planned
// series of statuses (500 then 200), or not at all while held (the sender waits, as on a hung
// receiver). Signatures are checked here with OpenSSL directly, not with the server's code.
#pragma once
#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>

namespace isp::test {

struct ReceivedWebhook {
    std::string event_id;    // X-Portal-Event-Id
    std::string event_type;  // X-Portal-Event-Type
    std::string delivery_id; // X-Portal-Delivery-Id
    std::string signature;   // X-Portal-Signature
    std::string content_type;
    std::string body;
    int answered = 0; // the status it was answered with; 0 while held
};

class WebhookReceiver {
public:
    WebhookReceiver();
    // Over HTTPS with this certificate and key (tests/support/test_certificate.h).
    WebhookReceiver(const std::string& cert_path, const std::string& key_path);
    ~WebhookReceiver();
    WebhookReceiver(const WebhookReceiver&) = delete;
    WebhookReceiver& operator=(const WebhookReceiver&) = delete;

    std::string url(const std::string& path = "/hooks/portal") const;
    // The next answers, in order; then `status` (200 unless set).
    void answer_next(std::vector<int> statuses);
    void answer_by_default(int status);
    // Held: each request waits (at most 60 s) until released, then is answered 503.
    void hold(bool on);

    std::vector<ReceivedWebhook> received() const;
    // Waits until at least `count` requests arrived; false on timeout.
    bool wait_for(std::size_t count, std::chrono::seconds timeout = std::chrono::seconds(15)) const;
    // Ids of the events answered with a 2xx, distinct.
    std::set<std::string> delivered_event_ids() const;

private:
    void start();

    std::unique_ptr<httplib::Server> http_;
    std::string scheme_ = "http";
    std::thread thread_;
    int port_ = 0;
    mutable std::mutex mutex_;
    mutable std::condition_variable changed_;
    std::vector<ReceivedWebhook> received_;
    std::deque<int> planned_;
    int default_status_ = 200;
    bool held_ = false;
};

// Whether `signature` ("t=<unix>,v1=<hex>", a second ",v1=<hex>" during a secret's rotation)
// has a v1 that is HMAC-SHA256(secret, t + "." + body); `t` is set to the signed time.
bool signature_valid(const std::string& secret, const std::string& signature, const std::string& body,
                     long long* t = nullptr);

} // namespace isp::test
