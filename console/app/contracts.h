// Contracts: provision one for a customer; suspend, resume or terminate from a date with a
// reason; change offer; every document version; the audit trail. Its screen:
// console/screens/contracts_view.cpp.
#pragma once
#include "console/app/section.h"

namespace isp::console {

class Contracts : public Section {
public:
    using Section::Section;

    std::string_view name() const override { return "contracts"; }
    void open(const Place& place) override;
    void describe(nlohmann::json& state) const override;
};

} // namespace isp::console
