// One page of a list and how many there are in all: what a service answers for a
// paginated list (the route turns it into {data, pagination}).
#pragma once
#include <cstdint>
#include <vector>

namespace isp::services {

template <class T> struct Page {
    std::int64_t total = 0;
    std::vector<T> items;
};

} // namespace isp::services
