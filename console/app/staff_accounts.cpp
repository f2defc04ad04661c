#include "console/app/staff_accounts.h"

namespace isp::console {

void StaffAccounts::open(const Place& place) {
    (void)place;
}

void StaffAccounts::describe(nlohmann::json& state) const {
    (void)state;
}

} // namespace isp::console
