// Where the console is: a section of the navigation ("customers"), optionally one record in
// it (a client id, a contract id) and a filter ("overdue", "2026-11"). Going somewhere pushes
// the place on the console's history (Back returns to it); a session that ends keeps it, and
// signing in again returns there.
#pragma once
#include <functional>
#include <string>
#include <string_view>

namespace isp::console {

struct Place {
    std::string section; // "today", "customers", "contracts", ... (Section::name())
    std::string id;      // a record of that section, "" for its list
    std::string filter;  // a list's filter, as the section reads it ("" for none)

    bool operator==(const Place&) const = default;
};

// A list's filter written as "key=value&key=value": `each(key, value)` for each pair that has
// a "=", in order.
void for_each_filter_pair(std::string_view filter, const std::function<void(std::string_view, std::string)>& each);
// Appends "name=value" to `filter` ("&" between pairs); nothing when `value` is empty.
void add_filter_pair(std::string& filter, std::string_view name, const std::string& value);

} // namespace isp::console
