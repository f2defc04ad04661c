#include "server/demo/demo_staff.h"

#include "server/security/random_id.h"
#include "server/services/staff_accounts.h"
#include "server/services/staff_audit.h"

namespace isp::demo {
namespace {

struct DemoAccount {
    const char* email;
    const char* display_name;
    StaffRole role;
};

constexpr DemoAccount accounts[] = {
    {"admin@demo.example", "Admin D\u00e9mo", StaffRole::Admin},
    {"ops@demo.example", "Op\u00e9rations D\u00e9mo", StaffRole::Ops},
    {"viewer@demo.example", "Lecture D\u00e9mo", StaffRole::Viewer},
};

} // namespace

std::vector<DemoStaffSignIn> seed_staff_accounts(services::ServiceContext& ctx) {
    const services::StaffActor demo{std::nullopt, "demo", "local"};
    std::vector<DemoStaffSignIn> out;
    for (const DemoAccount& a : accounts) {
        NewStaffAccount account;
        account.email = a.email;
        account.display_name = a.display_name;
        account.roles = {a.role};
        account.language = Language::French;
        // The link is used at once, here: its address never leaves this function.
        const auto created = services::create_staff_account(ctx, account, "http://localhost", demo);
        const std::string& url = created.password_link.url;
        const std::string marker = "#set-password=";
        PasswordSet set;
        set.token = url.substr(url.find(marker) + marker.size());
        // 15 bytes of the CSPRNG, 24 base32 characters: 120 bits, no spaces, so the printed
        // line splits on blanks; the password rule (length, common passwords) still applies.
        set.password = security::new_id("", 15);
        services::set_password_from_link(ctx, set, demo);
        out.push_back({a.email, std::string(to_string(a.role)), set.password});
    }
    return out;
}

std::string sign_in_line(const DemoStaffSignIn& s) {
    return "demo staff sign-in: " + s.email + " password " + s.password + " (demo only)";
}

} // namespace isp::demo
