#include "server/app/scheduler.h"

#include <exception>

#include "server/observability/log.h"
#include "server/services/contract_status_service.h"
#include "server/services/dunning.h"
#include "server/services/scheduled_changes.h"

namespace isp {

Scheduler::Scheduler(services::ServiceContext& context, std::chrono::seconds interval)
    : context_(context), interval_(interval) {}

Scheduler::~Scheduler() {
    stop();
}

void Scheduler::start() {
    if (thread_.joinable())
        return;
    thread_ = std::thread([this] {
        std::unique_lock lock(mutex_);
        while (!stopping_) {
            lock.unlock();
            run_once();
            lock.lock();
            wake_.wait_for(lock, interval_, [this] { return stopping_; });
        }
    });
}

void Scheduler::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable())
        thread_.join();
}

int Scheduler::run_once() {
    try {
        const int made = services::carry_out_due_changes(context_);
        if (made > 0)
            observability::log(observability::LogLevel::info,
                               {{"message", "scheduled changes carried out"}, {"count", made}});
        // After the scheduled changes: a suspension dated today is already made when the
        // dunning looks at the contract.
        const services::DunningOutcome dunning = services::carry_out_dunning(context_);
        if (dunning.total() > 0)
            observability::log(observability::LogLevel::info, {{"message", "dunning steps carried out"},
                                                               {"reminders", dunning.reminders},
                                                               {"suspensions", dunning.suspensions},
                                                               {"skipped", dunning.skipped},
                                                               {"resumes", dunning.resumes}});
        return made + dunning.total();
    } catch (const std::exception& e) {
        // The store may be busy or full: the work stays pending and the next run retries.
        observability::log(observability::LogLevel::error,
                           {{"message", "scheduled work failed; retried at the next run"}, {"error", e.what()}});
        return 0;
    }
}

} // namespace isp
