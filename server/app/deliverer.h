// The server's own thread that carries events out (docs/lifecycle.md): each channel (webhooks
// now; e-mail is meant to be another) does what is due when the thread wakes, which is after
// every commit that wrote an event or a delivery (Database::on_commit), on a timer, and at
// start. The outbox is the source of truth: what a channel has not recorded as done is done
// again at the next pass, also after a crash (at-least-once). Passes never overlap, so a
// delivery is never sent by two passes at once.
#pragma once
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace isp {

class DeliveryChannel {
public:
    virtual ~DeliveryChannel() = default;
    virtual const char* name() const = 0;
    // Does what is due now; how many attempts it made. Returns early once `stopping` is set,
    // without recording a send it cut (it is done again at the next start).
    virtual int deliver_due(const std::atomic<bool>& stopping) = 0;
    // From another thread: cut a send in flight (the server is stopping).
    virtual void interrupt() = 0;
};

class Deliverer {
public:
    explicit Deliverer(std::chrono::milliseconds interval);
    ~Deliverer();
    Deliverer(const Deliverer&) = delete;
    Deliverer& operator=(const Deliverer&) = delete;

    void add(std::unique_ptr<DeliveryChannel> channel); // before start()
    void start();
    // Cuts sends in flight and waits for the thread; idempotent.
    void stop();
    // Asks for a pass soon (cheap; from any thread, also under the store's write lock).
    void wake();
    // One pass of every channel on the calling thread (tests, after moving the clock); how
    // many attempts were made.
    int run_once();

private:
    const std::chrono::milliseconds interval_;
    std::vector<std::unique_ptr<DeliveryChannel>> channels_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool woken_ = false;
    std::atomic<bool> stopping_{false};
    std::mutex pass_mutex_;
    std::thread thread_;
};

} // namespace isp
