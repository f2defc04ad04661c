// Where the console is: a section of the navigation ("customers"), optionally one record in
// it (a client id, a contract id) and a filter ("overdue", "2026-11"). Going somewhere pushes
// the place on the console's history (Back returns to it); a session that ends keeps it, and
// signing in again returns there.
#pragma once
#include <string>

namespace isp::console {

struct Place {
    std::string section; // "today", "customers", "contracts", ... (Section::name())
    std::string id;      // a record of that section, "" for its list
    std::string filter;  // a list's filter, as the section reads it ("" for none)

    bool operator==(const Place&) const = default;
};

} // namespace isp::console
