// The server's own threads that carry events out (docs/lifecycle.md): each channel (webhooks,
// e-mail) does what is due when woken, which is after every commit that wrote an event or a
// delivery (Database::on_commit), on a timer, and at start. Each channel has its own thread:
// a RADIUS server's suspension webhook does not wait behind a billing run's 100,000 e-mails
// (bench/notifications/delivery). The outbox is the source of truth: what a channel has not
// recorded as done is done again at the next pass, also after a crash (at-least-once). A
// channel's passes never overlap, so a delivery is never sent by two passes at once.
#pragma once
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
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
    // Cuts sends in flight and waits for the threads; idempotent.
    void stop();
    // Asks every channel for a pass soon (cheap; from any thread, also under the store's
    // write lock).
    void wake();
    // One pass of every channel on the calling thread (tests, after moving the clock); how
    // many attempts were made.
    int run_once();

private:
    struct Lane {
        std::unique_ptr<DeliveryChannel> channel;
        std::mutex pass; // one pass of this channel at a time
        std::thread thread;
    };
    int run_pass(Lane& lane);
    void run_lane(Lane& lane);

    const std::chrono::milliseconds interval_;
    std::vector<std::unique_ptr<Lane>> lanes_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::uint64_t wakes_ = 0; // under mutex_: each lane passes again when it changed
    std::atomic<bool> stopping_{false};
    bool started_ = false;
};

} // namespace isp
