// --demo's staff accounts: one per role (admin, ops, viewer), with a password drawn at
// random when the demo database is created, so the staff console can be tried at once.
// The passwords are shown once, on the server's stdout (app/main.cpp), never stored in
// clear: a database seeded earlier keeps its accounts and does not print them again.
#pragma once
#include <string>
#include <vector>

namespace isp::services {
struct ServiceContext;
}

namespace isp::demo {

struct DemoStaffSignIn {
    std::string email; // "admin@demo.example"
    std::string roles; // "admin"
    std::string password;
};

// Creates the three accounts through the staff account services (the configured Argon2id
// parameters, the audit log, actor "demo"), each with its password set from its link.
// Call once, right after seed_if_empty seeded an empty database.
std::vector<DemoStaffSignIn> seed_staff_accounts(services::ServiceContext& ctx);

// The line main() prints for one account; tests and scripts parse it:
// "demo staff sign-in: admin@demo.example password <password> (demo only)".
std::string sign_in_line(const DemoStaffSignIn& sign_in);

} // namespace isp::demo
