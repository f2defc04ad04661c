// What every section of the console may use: the API, the person's language and account
// (roles decide what is offered), and navigation. Owned by ConsoleApp.
#pragma once
#include <functional>
#include <optional>

#include "console/api/staff_api.h"
#include "console/app/place.h"
#include "shared/staff/staff_account.h"

namespace isp::console {

struct ConsoleContext {
    StaffApi& api;
    Language language = Language::French;
    std::optional<StaffAccount> account; // set while signed in
    std::string today;                   // the server's date (YYYY-MM-DD), from its Date answers
    std::function<void(Place)> go;       // navigates (pushes the console's history)
    // A role of the account requires a second factor it has not enrolled (--require-2fa-for):
    // the server refuses everything else until "My account" enrols one.
    bool second_factor_enrolment_required = false;

    // Whether the signed-in account holds `role` (admin grants all, ops grants viewer).
    bool may(StaffRole role) const { return account && grants(account->roles, role); }
};

} // namespace isp::console
