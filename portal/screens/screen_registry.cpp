#include "portal/screens/screen_registry.h"

namespace isp::portal {
namespace {

// A function's static: filled by the screens' static registrations, whatever their order.
std::vector<ScreenFactory>& factories() {
    static std::vector<ScreenFactory> all;
    return all;
}

} // namespace

const std::vector<ScreenFactory>& registered_screens() {
    return factories();
}

void register_screen(ScreenFactory make) {
    factories().push_back(make);
}

} // namespace isp::portal
