// The second factor of staff accounts: TOTP authenticators (RFC 6238) and their recovery
// codes. Enrolment shows the key once and takes effect when a first code confirms it;
// each TOTP step and each recovery code is accepted once. docs/staff-accounts.md.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "server/services/staff_audit.h"
#include "shared/staff/staff_account.h"
#include "shared/staff/staff_requests.h"

namespace isp {
struct ServerConfig;
namespace store {
struct StaffAccountRow;
}
} // namespace isp

namespace isp::services {

struct ServiceContext;

inline constexpr int recovery_code_count = 10;

// True when one of the account's roles is in --require-2fa-for and it has no second factor.
bool second_factor_enrolment_required(const ServerConfig& config, const StaffAccount& account);

// Re-authenticates with the password (403 password_incorrect); 409 totp_already_enrolled.
TotpEnrolment begin_totp_enrolment(ServiceContext& ctx, std::string_view account_id, std::string_view password,
                                   const StaffActor& by);
// The first code of the new authenticator: enrols it and returns the recovery codes, once.
// 409 totp_enrolment_not_started, 401 second_factor_invalid.
std::vector<std::string> confirm_totp_enrolment(ServiceContext& ctx, std::string_view account_id, std::string_view code,
                                                const StaffActor& by);
// New recovery codes for an enrolled account, answered once; the old ones stop (lost, or
// their answer lost on the way at enrolment). The password (403 password_incorrect) and a
// current TOTP code (401 second_factor_invalid, each step once) re-authenticate;
// 409 totp_not_enrolled.
std::vector<std::string> replace_recovery_codes(ServiceContext& ctx, std::string_view account_id,
                                                const RecoveryCodesRequest& request, const StaffActor& by);
// 403 password_incorrect; 409 second_factor_mandatory when a role requires one.
void remove_totp(ServiceContext& ctx, std::string_view account_id, std::string_view password, const StaffActor& by);

enum class SecondFactorCheck { Passed, Missing, Wrong };
// At sign-in, for an account with an authenticator: a TOTP code, or else a recovery code,
// each spent when it passes (a recovery code's use is logged).
SecondFactorCheck check_second_factor(ServiceContext& ctx, const store::StaffAccountRow& row,
                                      const std::optional<std::string>& totp_code,
                                      const std::optional<std::string>& recovery_code, const StaffActor& by);

} // namespace isp::services
