#include "console/app/today.h"

namespace isp::console {

void Today::open(const Place& place) {
    (void)place;
}

void Today::describe(nlohmann::json& state) const {
    (void)state;
}

} // namespace isp::console
