// Payments: record a payment on an invoice (outstanding amount prefilled, method, reference)
// and the list with filters. Its screen: console/screens/payments_view.cpp.
#pragma once
#include "console/app/section.h"

namespace isp::console {

class Payments : public Section {
public:
    using Section::Section;

    std::string_view name() const override { return "payments"; }
    void open(const Place& place) override;
    void describe(nlohmann::json& state) const override;
};

} // namespace isp::console
