// The server's own work on the clock: the status changes whose date has come, then the
// dunning's steps (reminders, suspensions and resumes for non-payment). Runs once at start, then every
// `interval`, on its own thread; each piece of work is idempotent (a change is made once),
// so a run that overlaps a billing run's own catch-up, or a restart, does no harm.
#pragma once
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace isp::services {
struct ServiceContext;
}

namespace isp {

class Scheduler {
public:
    Scheduler(services::ServiceContext& context, std::chrono::seconds interval);
    ~Scheduler();
    Scheduler(const Scheduler&) = delete;
    Scheduler& operator=(const Scheduler&) = delete;

    void start();
    void stop(); // waits for a run in progress

    // Does what is due now, on the calling thread; how many changes and dunning steps were made.
    int run_once();

private:
    services::ServiceContext& context_;
    const std::chrono::seconds interval_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
};

} // namespace isp
