#include "shared/staff/staff_role.h"

#include <algorithm>

namespace isp {
namespace {

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && s.front() == ' ')
        s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ')
        s.remove_suffix(1);
    return s;
}

bool holds(const std::vector<StaffRole>& roles, StaffRole r) {
    return std::find(roles.begin(), roles.end(), r) != roles.end();
}

} // namespace

std::string_view to_string(StaffRole role) {
    switch (role) {
    case StaffRole::Admin: return "admin";
    case StaffRole::Ops: return "ops";
    case StaffRole::Viewer: return "viewer";
    }
    return "viewer";
}

std::optional<std::vector<StaffRole>> parse_staff_roles(std::string_view text) {
    std::vector<StaffRole> out;
    while (!text.empty()) {
        const auto comma = text.find(',');
        const std::string_view name = trimmed(text.substr(0, comma));
        StaffRole r;
        if (name == "admin")
            r = StaffRole::Admin;
        else if (name == "ops")
            r = StaffRole::Ops;
        else if (name == "viewer")
            r = StaffRole::Viewer;
        else
            return std::nullopt;
        if (!holds(out, r))
            out.push_back(r);
        text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
    }
    if (out.empty())
        return std::nullopt;
    return out;
}

std::string join_staff_roles(const std::vector<StaffRole>& roles) {
    std::string out;
    for (StaffRole r : roles) {
        // Appended piece by piece: `a + b` into `out` makes GCC 12 -O3 warn (-Wrestrict) wrongly.
        if (!out.empty())
            out += ',';
        out += to_string(r);
    }
    return out;
}

bool grants(const std::vector<StaffRole>& held, StaffRole needed) {
    for (StaffRole r : held)
        if (r == StaffRole::Admin || r == needed || (r == StaffRole::Ops && needed == StaffRole::Viewer))
            return true;
    return false;
}

std::vector<StaffRole> roles_within(const std::vector<StaffRole>& wanted, const std::vector<StaffRole>& held) {
    std::vector<StaffRole> out;
    for (StaffRole r : wanted)
        if (grants(held, r))
            out.push_back(r);
    return out;
}

} // namespace isp
