#include "console/screens/view.h"

namespace isp::console {
namespace {

std::vector<ViewFactory>& views() {
    static std::vector<ViewFactory> all; // constructed on first use: registration runs before main()
    return all;
}

} // namespace

const std::vector<ViewFactory>& registered_views() {
    return views();
}

void register_view(ViewFactory make) {
    views().push_back(make);
}

} // namespace isp::console
