// The HTTP worker pool: cpp-httplib runs one task per connection for as long as the
// connection lives, so an idle keep-alive connection holds a worker. This pool hands
// each new connection to a free worker or starts a new one at once (up to a bound), so
// connections that send nothing cannot make a real request wait behind them.
//
// Why not httplib::ThreadPool: it decides whether to start a thread from the number of
// idle workers *before* they wake up, so a burst of connections can queue behind the
// same few workers (seen as multi-second stalls with 64 idle connections open).
#pragma once
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>

#include <httplib.h>

namespace isp::http {

class WorkerPool final : public httplib::TaskQueue {
public:
    // `base` workers live for the whole run; extra ones (up to `max`) exit after being idle
    // for `idle_seconds`. Beyond `max` busy workers, up to `max_queued` tasks wait.
    WorkerPool(std::size_t base, std::size_t max, std::size_t max_queued, int idle_seconds = 3);
    ~WorkerPool() override;

    bool enqueue(std::function<void()> fn) override;
    void shutdown() override;

private:
    void start_worker(bool permanent); // with mutex_ held
    void work(bool permanent);

    const std::size_t max_;
    const std::size_t max_queued_;
    const int idle_seconds_;

    std::mutex mutex_;
    std::condition_variable wake_;
    std::condition_variable all_exited_;
    std::deque<std::function<void()>> jobs_;
    std::size_t workers_ = 0; // alive
    std::size_t idle_ = 0;    // waiting for a job
    bool shutting_down_ = false;
};

} // namespace isp::http
