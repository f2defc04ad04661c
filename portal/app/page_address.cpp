#include "portal/app/page_address.h"

#include <array>

namespace isp::portal {
namespace {

// Every screen a journey names that has a page of its own (not "loading", "unreachable").
constexpr std::array<std::string_view, 8> addressed_screens = {"offers",    "signup",      "confirmation", "verify",
                                                               "dashboard", "plan_change", "plan_changed", "invoices"};

} // namespace

std::string address_of(std::string_view screen) {
    std::string fragment = "/";
    for (const char c : screen)
        fragment += c == '_' ? '-' : c;
    return fragment;
}

std::string_view screen_at(std::string_view fragment) {
    for (const std::string_view screen : addressed_screens)
        if (address_of(screen) == fragment)
            return screen;
    return addressed_screens.front();
}

} // namespace isp::portal
