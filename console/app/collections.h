// Collections: the overview by age bracket, the worklist of cases by days overdue, a case with
// its actions as a timeline, record an action, change the status. Its screen:
// console/screens/collections_view.cpp.
#pragma once
#include "console/app/section.h"

namespace isp::console {

class Collections : public Section {
public:
    using Section::Section;

    std::string_view name() const override { return "collections"; }
    void open(const Place& place) override;
    void describe(nlohmann::json& state) const override;
};

} // namespace isp::console
