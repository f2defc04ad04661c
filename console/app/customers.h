// Customers: search as you type (name, CIN, phone), create and edit with the shared rules
// checked as typed, and a customer's page (contracts, invoices, payments, collection cases,
// audit trail). Its screen: console/screens/customers_view.cpp.
#pragma once
#include "console/app/section.h"

namespace isp::console {

class Customers : public Section {
public:
    using Section::Section;

    std::string_view name() const override { return "customers"; }
    void open(const Place& place) override;
    void describe(nlohmann::json& state) const override;
};

} // namespace isp::console
