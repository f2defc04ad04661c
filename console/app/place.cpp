#include "console/app/place.h"

namespace isp::console {

void for_each_filter_pair(std::string_view filter, const std::function<void(std::string_view, std::string)>& each) {
    while (!filter.empty()) {
        const std::size_t amp = filter.find('&');
        const std::string_view pair = filter.substr(0, amp);
        filter = amp == std::string_view::npos ? std::string_view{} : filter.substr(amp + 1);
        const std::size_t eq = pair.find('=');
        if (eq != std::string_view::npos)
            each(pair.substr(0, eq), std::string{pair.substr(eq + 1)});
    }
}

void add_filter_pair(std::string& filter, std::string_view name, const std::string& value) {
    if (value.empty())
        return;
    filter += (filter.empty() ? "" : "&") + std::string{name} + "=" + value;
}

} // namespace isp::console
