#include "console/app/customers.h"

namespace isp::console {

void Customers::open(const Place& place) {
    (void)place;
}

void Customers::describe(nlohmann::json& state) const {
    (void)state;
}

} // namespace isp::console
