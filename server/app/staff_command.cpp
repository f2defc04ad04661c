#include "server/app/staff_command.h"

#include <exception>
#include <memory>
#include <string>

#include "server/clock/clock.h"
#include "server/security/signed_token.h"
#include "server/services/contract_documents.h"
#include "server/services/failure.h"
#include "server/services/invoice_documents.h"
#include "server/services/service_context.h"
#include "server/services/staff_accounts.h"
#include "server/store/database.h"
#include "server/store/secret_store.h"

namespace isp {
namespace {

// Where the printed links point: --public-url, else the address the server listens on.
std::string base_url(const ServerConfig& config) {
    if (!config.public_url.empty())
        return config.public_url;
    const std::string host = config.bind == "0.0.0.0" ? "127.0.0.1" : config.bind;
    return (config.serves_tls() ? "https://" : "http://") + host + ":" + std::to_string(config.port);
}

void print_link(std::FILE* out, std::FILE* err, const PasswordLink& link) {
    std::fprintf(out, "password link: %s\nexpires: %s\n", link.url.c_str(), link.expires_at.c_str());
    std::fprintf(err, "Give the link to its owner only: it sets the password once, until it expires.\n");
}

Language language_of(const std::string& code) {
    return code == "en" ? Language::English : Language::French;
}

} // namespace

int run_staff_command(const StaffCommand& command, const ServerConfig& config, std::FILE* out, std::FILE* err) {
    try {
        std::shared_ptr<Clock> clock;
        if (config.fixed_time)
            clock = std::make_shared<FixedClock>(*config.fixed_time);
        else
            clock = std::make_shared<SystemClock>();
        store::Database db(config.db_path);
        const security::TokenSigner signer(store::load_or_create_secret(db, "token_signing_key", clock->now_iso()));
        services::ContractDocuments documents(config, signer, *clock);
        services::InvoiceDocuments invoice_documents(config, signer, *clock);
        services::ServiceContext ctx{config, db, *clock, documents, invoice_documents};
        const services::StaffActor cli{std::nullopt, "cli", "local"};

        if (command.action == "list") {
            std::fprintf(out, "%-16s %-32s %-24s %-16s %-9s %-4s %s\n", "ACCOUNT_ID", "EMAIL", "NAME", "ROLES", "STATE",
                         "2FA", "LAST_SIGN_IN");
            for (std::int64_t offset = 0;; offset += 100) {
                const auto page = services::staff_account_page(ctx, 100, offset);
                for (const auto& a : page.items)
                    std::fprintf(out, "%-16s %-32s %-24s %-16s %-9s %-4s %s\n", a.account_id.c_str(), a.email.c_str(),
                                 a.display_name.c_str(), join_staff_roles(a.roles).c_str(),
                                 a.state == StaffAccountState::Active ? "active" : "disabled",
                                 a.second_factor ? "yes" : "no", a.last_sign_in_at ? a.last_sign_in_at->c_str() : "-");
                if (offset + 100 >= page.total)
                    break;
            }
            return 0;
        }
        if (command.action == "create") {
            const auto roles = parse_staff_roles(command.roles);
            if (!roles) {
                std::fprintf(err, "portal-server: --roles must list admin, ops and/or viewer, comma-separated\n");
                return 2;
            }
            NewStaffAccount account{command.email, command.name, *roles, language_of(command.language)};
            const auto created = services::create_staff_account(ctx, account, base_url(config), cli);
            std::fprintf(out, "account_id: %s\nemail: %s\nroles: %s\n", created.account.account_id.c_str(),
                         created.account.email.c_str(), join_staff_roles(created.account.roles).c_str());
            print_link(out, err, created.password_link);
            return 0;
        }
        const auto account = services::find_staff_account_by_email(ctx, command.email);
        if (!account) {
            std::fprintf(err, "portal-server: no staff account with the e-mail %s\n", command.email.c_str());
            return 1;
        }
        if (command.action == "reset-password") {
            print_link(out, err, services::new_password_link(ctx, account->account_id, base_url(config), cli));
            return 0;
        }
        StaffAccountChange change;
        change.state = command.action == "disable" ? StaffAccountState::Disabled : StaffAccountState::Active;
        const auto changed = services::change_staff_account(ctx, account->account_id, change, cli);
        std::fprintf(out, "%s %s\n", changed.state == StaffAccountState::Active ? "enabled" : "disabled",
                     changed.email.c_str());
        return 0;
    } catch (const services::Failure& f) {
        std::string detail = f.detail;
        for (const auto& e : f.errors)
            detail += "\n  " + e.field + ": " + e.message;
        std::fprintf(err, "portal-server: %s\n", detail.c_str());
        return 1;
    } catch (const std::exception& e) {
        std::fprintf(err, "portal-server: %s\n", e.what());
        return 1;
    }
}

} // namespace isp
