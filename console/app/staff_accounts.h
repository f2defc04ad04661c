// Staff accounts (admins only): the list, invite, change roles, disable, reset a password. Its
// screen: console/screens/staff_accounts_view.cpp.
#pragma once
#include "console/app/section.h"

namespace isp::console {

class StaffAccounts : public Section {
public:
    using Section::Section;

    std::string_view name() const override { return "staff_accounts"; }
    StaffRole needed_role() const override { return StaffRole::Admin; }
    void open(const Place& place) override;
    void describe(nlohmann::json& state) const override;
};

} // namespace isp::console
