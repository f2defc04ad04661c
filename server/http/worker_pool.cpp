#include "server/http/worker_pool.h"

#include <chrono>
#include <thread>

namespace isp::http {

WorkerPool::WorkerPool(std::size_t base, std::size_t max, std::size_t max_queued, int idle_seconds)
    : max_(max < base ? base : max), max_queued_(max_queued), idle_seconds_(idle_seconds) {
    std::lock_guard lock(mutex_);
    for (std::size_t i = 0; i < base; ++i)
        start_worker(true);
}

WorkerPool::~WorkerPool() {
    shutdown();
}

void WorkerPool::start_worker(bool permanent) {
    ++workers_;
    // Detached: shutdown() waits for every worker to leave work() before returning.
    std::thread([this, permanent] { work(permanent); }).detach();
}

bool WorkerPool::enqueue(std::function<void()> fn) {
    std::lock_guard lock(mutex_);
    if (shutting_down_)
        return false;
    if (workers_ >= max_ && jobs_.size() >= max_queued_)
        return false;
    jobs_.push_back(std::move(fn));
    // Queued jobs beyond the workers already waiting (even those notified but not yet
    // awake) need a worker of their own, now.
    if (jobs_.size() > idle_ && workers_ < max_)
        start_worker(false);
    wake_.notify_one();
    return true;
}

void WorkerPool::work(bool permanent) {
    std::unique_lock lock(mutex_);
    for (;;) {
        if (!jobs_.empty()) {
            auto job = std::move(jobs_.front());
            jobs_.pop_front();
            lock.unlock();
            job();
            lock.lock();
            continue;
        }
        if (shutting_down_)
            break;
        ++idle_;
        const auto ready = [&] { return !jobs_.empty() || shutting_down_; };
        const bool woken = permanent ? (wake_.wait(lock, ready), true)
                                     : wake_.wait_for(lock, std::chrono::seconds(idle_seconds_), ready);
        --idle_;
        if (!woken)
            break; // an extra worker idle for too long
    }
    if (--workers_ == 0)
        all_exited_.notify_all();
}

void WorkerPool::shutdown() {
    std::unique_lock lock(mutex_);
    shutting_down_ = true;
    wake_.notify_all();
    all_exited_.wait(lock, [&] { return workers_ == 0; });
}

} // namespace isp::http
