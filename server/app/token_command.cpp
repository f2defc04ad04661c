#include "server/app/token_command.h"

#include <exception>
#include <string>

#include "server/clock/clock.h"
#include "server/services/staff_tokens.h"
#include "server/store/database.h"

namespace isp {

int run_token_command(const TokenCommand& command, const ServerConfig& config, std::FILE* out, std::FILE* err) {
    try {
        const std::string now = config.fixed_time ? FixedClock(*config.fixed_time).now_iso() : SystemClock().now_iso();
        store::Database db(config.db_path);
        if (command.action == "create") {
            const auto roles = services::parse_roles(command.roles);
            if (!roles) {
                std::fprintf(err, "portal-server: --roles must list admin, ops and/or viewer, comma-separated\n");
                return 2;
            }
            std::optional<std::string> account_id;
            if (!command.account.empty()) {
                account_id = services::staff_account_id_for_email(db, command.account);
                if (!account_id) {
                    std::fprintf(err, "portal-server: no staff account with the e-mail %s\n", command.account.c_str());
                    return 1;
                }
            }
            const auto issued = services::create_staff_token(db, command.name, *roles, now, account_id);
            std::fprintf(out, "token_id: %s\nroles: %s\ntoken: %s\n", issued.token_id.c_str(),
                         services::join_roles(*roles).c_str(), issued.secret.c_str());
            std::fprintf(err, "Keep the token now: it is not stored and cannot be shown again.\n");
            return 0;
        }
        if (command.action == "list") {
            std::fprintf(out, "%-20s %-24s %-16s %-22s %-22s %s\n", "TOKEN_ID", "NAME", "ROLES", "CREATED", "REVOKED",
                         "ACCOUNT");
            for (const auto& t : services::list_staff_tokens(db))
                std::fprintf(out, "%-20s %-24s %-16s %-22s %-22s %s\n", t.token_id.c_str(), t.name.c_str(),
                             t.roles.c_str(), t.created_at.c_str(), t.revoked_at ? t.revoked_at->c_str() : "-",
                             t.account_id ? t.account_id->c_str() : "-");
            return 0;
        }
        if (!services::revoke_staff_token(db, command.token_id, now)) {
            std::fprintf(err, "portal-server: no token %s\n", command.token_id.c_str());
            return 1;
        }
        std::fprintf(out, "revoked %s\n", command.token_id.c_str());
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(err, "portal-server: %s\n", e.what());
        return 1;
    }
}

} // namespace isp
