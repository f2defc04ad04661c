#include "server/app/deliverer.h"

#include <exception>

#include "server/observability/log.h"

namespace isp {

Deliverer::Deliverer(std::chrono::milliseconds interval) : interval_(interval) {}

Deliverer::~Deliverer() {
    stop();
}

void Deliverer::add(std::unique_ptr<DeliveryChannel> channel) {
    auto lane = std::make_unique<Lane>();
    lane->channel = std::move(channel);
    lanes_.push_back(std::move(lane));
}

void Deliverer::start() {
    if (started_ || stopping_)
        return;
    started_ = true;
    for (const auto& lane : lanes_)
        lane->thread = std::thread([this, &l = *lane] { run_lane(l); });
}

void Deliverer::run_lane(Lane& lane) {
    std::uint64_t seen;
    {
        std::lock_guard lock(mutex_);
        seen = wakes_;
    }
    while (!stopping_) {
        // A pass that made as many attempts as it could take may have left more due.
        while (run_pass(lane) > 0 && !stopping_) {
        }
        std::unique_lock lock(mutex_);
        // A wake during the pass (seen is older) starts the next one at once.
        wake_.wait_for(lock, interval_, [&] { return wakes_ != seen || stopping_.load(); });
        seen = wakes_;
    }
}

void Deliverer::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    for (const auto& lane : lanes_)
        lane->channel->interrupt();
    for (const auto& lane : lanes_)
        if (lane->thread.joinable())
            lane->thread.join();
}

void Deliverer::wake() {
    {
        std::lock_guard lock(mutex_);
        ++wakes_;
    }
    wake_.notify_all();
}

int Deliverer::run_pass(Lane& lane) {
    std::lock_guard pass(lane.pass);
    if (stopping_)
        return 0;
    try {
        return lane.channel->deliver_due(stopping_);
    } catch (const std::exception& e) {
        // The store may be busy or full: what is due stays due, the next pass retries.
        observability::log(observability::LogLevel::error, {{"message", "delivery pass failed; retried later"},
                                                            {"channel", lane.channel->name()},
                                                            {"error", e.what()}});
        return 0;
    }
}

int Deliverer::run_once() {
    int attempts = 0;
    for (const auto& lane : lanes_)
        attempts += run_pass(*lane);
    return attempts;
}

} // namespace isp
