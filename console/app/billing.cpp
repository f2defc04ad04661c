#include "console/app/billing.h"

namespace isp::console {

void Billing::open(const Place& place) {
    (void)place;
}

void Billing::describe(nlohmann::json& state) const {
    (void)state;
}

} // namespace isp::console
