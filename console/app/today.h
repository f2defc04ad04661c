// The home screen: active contracts by family, the last billing run, outstanding and overdue
// amounts by age, open collection cases, each linking into its list. Its screen:
// console/screens/today_view.cpp.
#pragma once
#include "console/app/section.h"

namespace isp::console {

class Today : public Section {
public:
    using Section::Section;

    std::string_view name() const override { return "today"; }
    void open(const Place& place) override;
    void describe(nlohmann::json& state) const override;
};

} // namespace isp::console
