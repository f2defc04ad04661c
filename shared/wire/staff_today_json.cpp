#include "shared/wire/staff_today_json.h"

#include "shared/wire/billing_run_json.h"
#include "shared/wire/collection_case_json.h"
#include "shared/wire/json_reader.h"

namespace isp::wire {

nlohmann::json to_json(const StaffToday& t) {
    nlohmann::json by_family = nlohmann::json::array();
    std::int64_t total = 0;
    for (const FamilyCount& f : t.active_contracts) {
        by_family.push_back({{"family", std::string(to_string(f.family))}, {"count", f.count}});
        total += f.count;
    }
    return {{"as_of", t.as_of.to_iso()},
            {"active_contracts", {{"total", total}, {"by_family", std::move(by_family)}}},
            {"last_billing_run", t.last_billing_run ? to_json(*t.last_billing_run) : nlohmann::json(nullptr)},
            {"collections", to_json(t.collections)}};
}

StaffToday staff_today_from_json(const nlohmann::json& j) {
    StaffToday t;
    const auto as_of = parse_iso_date(j.at("as_of").get<std::string>());
    if (!as_of)
        throw nlohmann::json::other_error::create(501, "as_of is not a date", &j);
    t.as_of = *as_of;
    for (const auto& f : j.at("active_contracts").at("by_family")) {
        const auto family = parse_service_family(f.at("family").get<std::string>());
        if (!family)
            throw nlohmann::json::other_error::create(501, "unknown family", &j);
        t.active_contracts.push_back({*family, integer_value<std::int64_t>(f.at("count"))});
    }
    if (const auto& run = j.at("last_billing_run"); !run.is_null())
        t.last_billing_run = billing_run_summary_from_json(run);
    t.collections = collections_overview_from_json(j.at("collections"));
    return t;
}

} // namespace isp::wire
