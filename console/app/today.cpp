#include "console/app/today.h"

#include "console/i18n/console_text.h"
#include "shared/wire/staff_today_json.h"

namespace isp::console {

void Today::open(const Place&) {
    busy_ = "loading";
    ctx_.api.get<StaffToday>("/staff/today", wire::staff_today_from_json, [this](ApiResult<StaffToday> result) {
        busy_ = {};
        if (!result.value) {
            show(failure(result.error, tr({"Chargement du tableau de bord", "Loading the overview"}, lang()), lang(),
                         [this] { reload(); }));
            return;
        }
        figures_ = std::move(*result.value);
        ctx_.today = figures_->as_of.to_iso();
    });
}

std::int64_t Today::open_cases() const {
    if (!figures_)
        return 0;
    std::int64_t open = 0;
    const auto& by_status = figures_->collections.cases_by_status;
    for (std::size_t i = 0; i < by_status.size() && i < all_case_statuses.size(); ++i)
        if (all_case_statuses[i] != CaseStatus::Closed)
            open += by_status[i];
    return open;
}

void Today::open_contracts(ServiceFamily family) {
    ctx_.go(Place{"contracts", {}, "status=active&family=" + std::string{to_string(family)}});
}

void Today::open_last_run_invoices() {
    if (figures_ && figures_->last_billing_run)
        ctx_.go(Place{"billing", {}, "invoices:period=" + figures_->last_billing_run->period});
}

void Today::open_collections() {
    ctx_.go(Place{"collections", {}, {}});
}

void Today::describe(nlohmann::json& state) const {
    if (!figures_) {
        state["today"] = nullptr;
        return;
    }
    nlohmann::json active = nlohmann::json::object();
    for (const FamilyCount& f : figures_->active_contracts)
        active[std::string{to_string(f.family)}] = f.count;
    nlohmann::json run = nullptr;
    if (const auto& r = figures_->last_billing_run)
        run = {{"period", r->period}, {"invoice_count", r->invoice_count}, {"total_minor", r->total_minor}};
    state["today"] = {{"as_of", figures_->as_of.to_iso()},
                      {"active_contracts", active},
                      {"last_billing_run", run},
                      {"overdue_minor", figures_->collections.overdue.amount_minor},
                      {"open_cases", open_cases()}};
}

} // namespace isp::console
