// Offers: the catalog by family; create, edit, deactivate; why an offer in use cannot be
// deleted. Its screen: console/screens/offers_view.cpp.
#pragma once
#include "console/app/section.h"

namespace isp::console {

class Offers : public Section {
public:
    using Section::Section;

    std::string_view name() const override { return "offers"; }
    void open(const Place& place) override;
    void describe(nlohmann::json& state) const override;
};

} // namespace isp::console
