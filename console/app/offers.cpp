#include "console/app/offers.h"

namespace isp::console {

void Offers::open(const Place& place) {
    (void)place;
}

void Offers::describe(nlohmann::json& state) const {
    (void)state;
}

} // namespace isp::console
