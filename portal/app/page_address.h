// The address of each screen of the portal, in the fragment so that the server serves the
// same page for all of them: "/#/offers", "/#/verify", "/#/plan-change". What a person types
// never goes there (it is in the tab's storage, signup_journey.h), only where they are.
#pragma once
#include <string>
#include <string_view>

namespace isp::portal {

// The fragment of a screen's address, without its "#": "verify" -> "/verify",
// "plan_change" -> "/plan-change".
std::string address_of(std::string_view screen);
// The screen an address's fragment names; "offers" (the home page) for one the portal does
// not know or an empty one.
std::string_view screen_at(std::string_view fragment);

} // namespace isp::portal
