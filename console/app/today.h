// The home screen (GET /api/v1/staff/today): active contracts by family, the last billing
// run with its totals, outstanding and overdue amounts by age bracket and the open collection
// cases, each a way into its list. Its screen: console/screens/today_view.cpp.
#pragma once
#include <optional>

#include "console/app/section.h"
#include "shared/staff/staff_today.h"

namespace isp::console {

class Today : public Section {
public:
    using Section::Section;

    std::string_view name() const override { return "today"; }
    void open(const Place& place) override;
    void describe(nlohmann::json& state) const override;

    const std::optional<StaffToday>& figures() const { return figures_; }
    // Collection cases not closed (open, in progress, promise to pay).
    std::int64_t open_cases() const;

    // --- the ways into the lists ---------------------------------------------------------
    void open_contracts(ServiceFamily family);
    void open_last_run_invoices();
    void open_collections();
    void reload() { open({}); }

private:
    std::optional<StaffToday> figures_;
};

} // namespace isp::console
