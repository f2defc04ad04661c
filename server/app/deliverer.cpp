#include "server/app/deliverer.h"

#include <exception>

#include "server/observability/log.h"

namespace isp {

Deliverer::Deliverer(std::chrono::milliseconds interval) : interval_(interval) {}

Deliverer::~Deliverer() {
    stop();
}

void Deliverer::add(std::unique_ptr<DeliveryChannel> channel) {
    channels_.push_back(std::move(channel));
}

void Deliverer::start() {
    if (thread_.joinable() || stopping_)
        return;
    thread_ = std::thread([this] {
        while (!stopping_) {
            // A pass that made as many attempts as it could take may have left more due.
            while (run_once() > 0 && !stopping_) {
            }
            std::unique_lock lock(mutex_);
            wake_.wait_for(lock, interval_, [this] { return woken_ || stopping_.load(); });
            woken_ = false;
        }
    });
}

void Deliverer::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    for (const auto& channel : channels_)
        channel->interrupt();
    if (thread_.joinable())
        thread_.join();
}

void Deliverer::wake() {
    {
        std::lock_guard lock(mutex_);
        woken_ = true;
    }
    wake_.notify_all();
}

int Deliverer::run_once() {
    std::lock_guard pass(pass_mutex_);
    int attempts = 0;
    for (const auto& channel : channels_) {
        if (stopping_)
            break;
        try {
            attempts += channel->deliver_due(stopping_);
        } catch (const std::exception& e) {
            // The store may be busy or full: what is due stays due, the next pass retries.
            observability::log(observability::LogLevel::error, {{"message", "delivery pass failed; retried later"},
                                                                {"channel", channel->name()},
                                                                {"error", e.what()}});
        }
    }
    return attempts;
}

} // namespace isp
