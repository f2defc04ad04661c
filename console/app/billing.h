// Billing: run a period (confirmation with the number of contracts and the expected total,
// progress, result), the list of runs, invoices with filters, an invoice and its PDF. Its
// screen: console/screens/billing_view.cpp.
#pragma once
#include "console/app/section.h"

namespace isp::console {

class Billing : public Section {
public:
    using Section::Section;

    std::string_view name() const override { return "billing"; }
    void open(const Place& place) override;
    void describe(nlohmann::json& state) const override;
};

} // namespace isp::console
