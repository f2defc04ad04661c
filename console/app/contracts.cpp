#include "console/app/contracts.h"

namespace isp::console {

void Contracts::open(const Place& place) {
    (void)place;
}

void Contracts::describe(nlohmann::json& state) const {
    (void)state;
}

} // namespace isp::console
