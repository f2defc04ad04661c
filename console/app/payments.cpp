#include "console/app/payments.h"

namespace isp::console {

void Payments::open(const Place& place) {
    (void)place;
}

void Payments::describe(nlohmann::json& state) const {
    (void)state;
}

} // namespace isp::console
