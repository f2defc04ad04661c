// The staff audit log (docs/staff-accounts.md): who signed in, failed to, changed a
// password or a second factor, created or changed an account. Written in the same
// transaction as what it records; never holds a password, code or token.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "server/services/page.h"
#include "shared/staff/staff_account.h"

namespace isp {
class Clock;
namespace store {
class Connection;
}
} // namespace isp

namespace isp::services {

struct ServiceContext;

// Who does something to staff accounts, for the log: a signed-in person or token, the
// command line, or someone not yet known (a sign-in).
struct StaffActor {
    std::optional<std::string> account_id;
    std::string name; // an e-mail, a token's name, or "cli"
    std::string client_address;
};

void record_staff_event(store::Connection& c, const Clock& clock, std::string_view event,
                        const std::optional<std::string>& account_id, std::string_view email, const StaffActor& actor,
                        std::string_view detail = {});

// Newest first; the account's entries only when account_id is not empty.
Page<StaffAuditEntry> staff_audit_page(ServiceContext& ctx, std::string_view account_id, std::int64_t limit,
                                       std::int64_t offset);

} // namespace isp::services
