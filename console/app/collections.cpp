#include "console/app/collections.h"

namespace isp::console {

void Collections::open(const Place& place) {
    (void)place;
}

void Collections::describe(nlohmann::json& state) const {
    (void)state;
}

} // namespace isp::console
