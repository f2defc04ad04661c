#include "server/app/config.h"

#include <sys/stat.h>

#include <map>

#include <CLI/CLI.hpp>
#include <cstdlib>

#include "server/clock/clock.h"
#include "server/config/listen_address.h"
#include "server/http/tls.h"
#include "server/mail/smtp_sender.h"

namespace isp {
namespace {

// CLI11 reads the config file before the environment, so a key of the file would hide its
// PORTAL_* variable. This reader drops from the file the keys whose variable is set (the
// environment then fills them), and refuses keys that are no option of the server.
class ConfigFile final : public CLI::ConfigTOML {
public:
    explicit ConfigFile(const CLI::App& app) : app_(app) {}

    std::vector<CLI::ConfigItem> from_config(std::istream& input) const override {
        std::vector<CLI::ConfigItem> kept;
        for (CLI::ConfigItem& item : CLI::ConfigTOML::from_config(input)) {
            if (!item.parents.empty())
                throw CLI::ConfigError("config file: unknown section [" + item.parents.front() +
                                       "]: keys go at the top, without a section");
            const CLI::Option* option = app_.get_option_no_throw("--" + item.name);
            if (option == nullptr || !option->get_configurable() || item.name == "help" || item.name == "version" ||
                item.name == "config")
                throw CLI::ConfigError("config file: unknown key \"" + item.name +
                                       "\" (keys are the flags' names without --; portal-server --help lists them)");
            const std::string& env = option->get_envname();
            if (!env.empty() && std::getenv(env.c_str()) != nullptr && *std::getenv(env.c_str()) != '\0')
                continue;
            kept.push_back(std::move(item));
        }
        return kept;
    }

private:
    const CLI::App& app_;
};

// Options whose values config check never prints (none hold a secret yet; SMTP credentials
// will). The Argon2id cost parameters are named after passwords but are no secret.
bool is_secret_option(const std::string& key) {
    if (key.starts_with("password-hash-") || key == "tls-key") // the key's file name, never its contents
        return false;
    for (const char* word : {"password", "secret", "key"})
        if (key.find(word) != std::string::npos)
            return true;
    return false;
}

std::string option_value(const CLI::Option& option) {
    if (option.get_expected_min() == 0) // a flag
        return option.count() > 0 && option.as<bool>() ? "true" : "false";
    if (option.count() == 0)
        return option.get_default_str() == "[]" ? "" : option.get_default_str(); // an empty list
    std::string joined;
    for (const std::string& r : option.results())
        joined += (joined.empty() ? "" : ",") + r;
    return joined;
}

// What is wrong with the config file itself, though the server can run with it.
std::vector<std::string> config_file_warnings(const std::string& file) {
    std::vector<std::string> warnings;
    struct stat st {};
    if (!file.empty() && ::stat(file.c_str(), &st) == 0 && (st.st_mode & S_IROTH))
        warnings.push_back(file + " is readable by every user of this machine; it may hold secrets: "
                                  "chmod o-r it (only the server's account needs to read it)");
    return warnings;
}

void fill_config_check(const CLI::App& app, const ServerConfig& c, ConfigCheck& check) {
    const CLI::Option* file = app.get_config_ptr();
    check.file = file && file->count() > 0 ? file->as<std::string>() : "";
    for (const CLI::Option* option : app.get_options()) {
        const std::string key = option->get_single_name();
        if (option == file || option == app.get_help_ptr() || key == "version")
            continue;
        check.values.emplace_back(key,
                                  is_secret_option(key) && option->count() > 0 ? "********" : option_value(*option));
    }
    if (!c.demo)
        check.missing = missing_operator_keys(c.operator_profile);
    check.warnings = config_file_warnings(check.file);
}

} // namespace

CommandLine parse_command_line(int argc, char** argv) {
    CommandLine out;
    ServerConfig& c = out.config;
    CLI::App app{"portal-server: the ISP self-service portal and billing API, in one binary.\n"
                 "Serves the portal at / and the API under /api/v1, stores everything in one SQLite file."};
    app.set_version_flag("--version", ISP_VERSION);
    app.set_config("--config", default_config_file,
                   "Config file (INI or TOML, keys are the flags' names without --), read when it exists; flags "
                   "and PORTAL_* variables override it");
    app.config_formatter(std::make_shared<ConfigFile>(app));
    app.add_option("--db", c.db_path, "SQLite database file (created and migrated at start)")
        ->envname("PORTAL_DB")
        ->capture_default_str();
    app.add_option("--bind", c.bind, "Address to listen on (0.0.0.0 for every interface)")
        ->envname("PORTAL_BIND")
        ->capture_default_str();
    app.add_option("--port", c.port, "TCP port; 0 picks a free one")
        ->envname("PORTAL_PORT")
        ->check(CLI::Range(0, 65535))
        ->capture_default_str();
    app.add_flag("--demo", c.demo, "Seed demo offers (mobile, internet, landline) and clients into an empty database")
        ->envname("PORTAL_DEMO");
    std::string fixed_time;
    app.add_option("--fixed-time", fixed_time,
                   "Freeze the clock at this UTC time (2026-11-23T10:00:00Z) - for demos on a chosen date and tests")
        ->envname("PORTAL_FIXED_TIME");
    app.add_option("--threads", c.threads, "HTTP worker threads (0: automatic)")
        ->envname("PORTAL_THREADS")
        ->check(CLI::Range(0, 1024))
        ->capture_default_str();
    app.add_option("--max-body-bytes", c.max_body_bytes, "Largest request body accepted")
        ->envname("PORTAL_MAX_BODY_BYTES")
        ->check(CLI::Range(1024, 16 * 1024 * 1024))
        ->capture_default_str();
    app.add_option("--request-head-timeout", c.request_head_timeout_seconds,
                   "Seconds a client has to send a request's line and headers, all of them")
        ->envname("PORTAL_REQUEST_HEAD_TIMEOUT")
        ->check(CLI::Range(1, 600))
        ->capture_default_str();
    app.add_option("--request-body-timeout", c.request_body_timeout_seconds,
                   "Seconds a client has to send a request's body, all of it")
        ->envname("PORTAL_REQUEST_BODY_TIMEOUT")
        ->check(CLI::Range(1, 3600))
        ->capture_default_str();
    app.add_option("--max-connections-per-address", c.max_connections_per_address,
                   "Connections one client address may hold open at once (trusted proxies are not counted); "
                   "more get 429")
        ->envname("PORTAL_MAX_CONNECTIONS_PER_ADDRESS")
        ->check(CLI::Range(1, 4096))
        ->capture_default_str();
    app.add_option("--document-link-ttl", c.document_link_ttl_seconds, "Seconds a document download link stays valid")
        ->envname("PORTAL_DOCUMENT_LINK_TTL")
        ->check(CLI::Range(60, 30 * 24 * 3600))
        ->capture_default_str();
    app.add_option("--draft-ttl-days", c.draft_ttl_days, "Days a saved signup draft stays available")
        ->envname("PORTAL_DRAFT_TTL_DAYS")
        ->check(CLI::Range(1, 365))
        ->capture_default_str();
    app.add_option("--lookup-token-ttl", c.lookup_token_ttl_seconds,
                   "Seconds a lookup token (returned by verify-cin) stays valid")
        ->envname("PORTAL_LOOKUP_TOKEN_TTL")
        ->check(CLI::Range(60, 24 * 3600))
        ->capture_default_str();
    app.add_option("--verify-max-failures", c.verify_max_failures,
                   "Failed identity checks (CIN + line) allowed per client address and per CIN within the window; "
                   "further attempts get 429")
        ->envname("PORTAL_VERIFY_MAX_FAILURES")
        ->check(CLI::Range(1, 10000))
        ->capture_default_str();
    app.add_option("--verify-window-seconds", c.verify_window_seconds, "Window of --verify-max-failures, in seconds")
        ->envname("PORTAL_VERIFY_WINDOW_SECONDS")
        ->check(CLI::Range(1, 7 * 24 * 3600))
        ->capture_default_str();
    app.add_option("--landing-writes-per-minute", c.landing_writes_per_minute,
                   "Public writes (submit/new, submit/plan-change, document-link) per client address per minute")
        ->envname("PORTAL_LANDING_WRITES_PER_MINUTE")
        ->check(CLI::Range(1, 1000000))
        ->capture_default_str();
    app.add_flag("--trust-proxy-actor", c.trust_proxy_actor,
                 "Accept X-Actor-Id (with roles from X-Actor-Roles) as staff authentication: only behind a "
                 "reverse proxy that authenticates staff and strips these headers from other requests")
        ->envname("PORTAL_TRUST_PROXY_ACTOR");
    app.add_option("--invoice-due-days", c.invoice_due_days,
                   "Days between an invoice's issue date and its due date (billing runs)")
        ->envname("PORTAL_INVOICE_DUE_DAYS")
        ->check(CLI::Range(0, 365))
        ->capture_default_str();
    // Customers' e-mails (docs/lifecycle.md): off until --smtp-url is set.
    app.add_option("--smtp-url", c.smtp.url,
                   "SMTP relay for customers' e-mails: smtp://HOST:587 (STARTTLS required) or smtps://HOST "
                   "(empty: no e-mail is sent)")
        ->envname("PORTAL_SMTP_URL");
    app.add_option("--smtp-from", c.smtp.from,
                   "Sender of customers' e-mails, e.g. \"Maghreb Fibre <factures@example.ma>\"")
        ->envname("PORTAL_SMTP_FROM");
    app.add_option("--smtp-user", c.smtp.user, "SMTP AUTH user (empty: no AUTH)")->envname("PORTAL_SMTP_USER");
    app.add_option("--smtp-password", c.smtp.password, "SMTP AUTH password (put it in the config file, not a flag)")
        ->envname("PORTAL_SMTP_PASSWORD");
    app.add_option("--smtp-ca-file", c.smtp.ca_file,
                   "CA certificates for the relay's certificate (default: the system's)")
        ->envname("PORTAL_SMTP_CA_FILE");
    app.add_option("--webhook-ca-file", c.webhook_ca_file,
                   "CA certificates for https webhook receivers' certificates (default: the system's)")
        ->envname("PORTAL_WEBHOOK_CA_FILE");
    // Dunning (docs/lifecycle.md): what the server does, unasked, about an unpaid invoice.
    app.add_option("--dunning-grace-days", c.dunning.grace_days,
                   "Days after an invoice's due date before it is chased (a collection case opens)")
        ->envname("PORTAL_DUNNING_GRACE_DAYS")
        ->check(CLI::Range(0, 365))
        ->capture_default_str();
    std::string reminder_days = reminder_days_text(c.dunning.reminder_days);
    app.add_option("--dunning-reminder-days", reminder_days,
                   "Days after the due date on which an unpaid invoice's reminder is sent, e.g. 3,5,7 (empty: none)")
        ->envname("PORTAL_DUNNING_REMINDER_DAYS")
        ->capture_default_str();
    int suspension_day = c.dunning.suspension_day.value_or(0);
    app.add_option("--dunning-suspension-day", suspension_day,
                   "Day after the due date on which the contract of an unpaid invoice is suspended (0: never)")
        ->envname("PORTAL_DUNNING_SUSPENSION_DAY")
        ->check(CLI::Range(0, 365))
        ->capture_default_str();
    app.add_option("--dunning-resume-on-payment", c.dunning.resume_on_payment,
                   "Resume a contract suspended for non-payment once its overdue invoices are paid")
        ->envname("PORTAL_DUNNING_RESUME_ON_PAYMENT")
        ->capture_default_str();
    std::string early_termination_rule = to_string(c.early_termination_rule);
    app.add_option("--early-termination-rule", early_termination_rule,
                   "What a customer owes for cancelling before the end of the commitment: remaining-months (the "
                   "whole months left times the monthly price), none, or fixed:AMOUNT (minor units)")
        ->envname("PORTAL_EARLY_TERMINATION_RULE")
        ->capture_default_str();
    app.add_option("--trusted-proxy", c.trusted_proxies,
                   "Address of a reverse proxy in front of the server (repeat for several): its X-Forwarded-For "
                   "gives the client address that public rate limits count")
        ->envname("PORTAL_TRUSTED_PROXIES")
        ->delimiter(',');
    app.add_option("--log-level", c.log_level,
                   "Least severe log lines written to stderr (JSON, one per line): error, warn, info (one line per "
                   "request) or debug")
        ->envname("PORTAL_LOG_LEVEL")
        ->transform(CLI::CheckedTransformer(
            std::map<std::string, observability::LogLevel>{{"error", observability::LogLevel::error},
                                                           {"warn", observability::LogLevel::warn},
                                                           {"info", observability::LogLevel::info},
                                                           {"debug", observability::LogLevel::debug}},
            CLI::ignore_case))
        ->default_str("info");
    app.add_option("--metrics-bind", c.metrics_bind,
                   "ADDR:PORT of a separate listener serving GET /metrics (Prometheus text format); off by "
                   "default. Keep it on a private address: it is not authenticated")
        ->envname("PORTAL_METRICS_BIND")
        ->check([](const std::string& value) {
            return parse_listen_address(value) ? std::string() : std::string("expected ADDR:PORT, e.g. 127.0.0.1:9464");
        });
    app.add_option("--tls-cert", c.tls_cert_file,
                   "Serve HTTPS: PEM file of the certificate chain (the server's certificate first); SIGHUP reads "
                   "it and --tls-key again. Needs --tls-key")
        ->envname("PORTAL_TLS_CERT");
    app.add_option("--tls-key", c.tls_key_file, "PEM file of the certificate's private key, without a passphrase")
        ->envname("PORTAL_TLS_KEY");
    CLI::Option* redirect_port =
        app.add_option("--http-redirect-port", c.http_redirect_port,
                       "With --tls-cert: also listen for plain HTTP on this port (80), only to redirect to HTTPS "
                       "(0 picks a free one); off by default")
            ->envname("PORTAL_HTTP_REDIRECT_PORT")
            ->check(CLI::Range(0, 65535));
    app.add_option("--hsts-max-age", c.hsts_max_age_seconds,
                   "With --tls-cert: seconds browsers keep to HTTPS for this host (Strict-Transport-Security); 0 "
                   "sends none")
        ->envname("PORTAL_HSTS_MAX_AGE")
        ->check(CLI::Range(std::int64_t{0}, std::int64_t{2} * 365 * 24 * 3600))
        ->capture_default_str();
    app.add_option("--operator-name", c.operator_profile.name, "Operator name on the portal and documents")
        ->envname("PORTAL_OPERATOR_NAME")
        ->capture_default_str();
    app.add_option("--operator-address", c.operator_profile.address, "Operator postal address on documents")
        ->envname("PORTAL_OPERATOR_ADDRESS")
        ->capture_default_str();
    app.add_option("--operator-legal-ids", c.operator_profile.legal_ids, "Operator legal identifiers on documents")
        ->envname("PORTAL_OPERATOR_LEGAL_IDS")
        ->capture_default_str();
    app.add_option("--operator-footer", c.operator_profile.footer, "Small print at the bottom of every document page")
        ->envname("PORTAL_OPERATOR_FOOTER");
    app.add_option("--operator-accent", c.operator_profile.accent, "Accent colour of documents, #RRGGBB")
        ->envname("PORTAL_OPERATOR_ACCENT")
        ->capture_default_str();
    app.add_option("--operator-logo", c.operator_profile.logo_path,
                   "Logo printed on documents: a PNG or JPEG file (default: none; the demo logo with --demo)")
        ->envname("PORTAL_OPERATOR_LOGO");
    app.add_option("--operator-terms", c.operator_profile.terms_path,
                   "Contract terms: a UTF-8 text file, paragraphs separated by newlines (default: none; demo "
                   "terms with --demo)")
        ->envname("PORTAL_OPERATOR_TERMS");
    app.add_option("--operator-payment-instructions", c.operator_profile.payment_instructions,
                   "How to pay, printed on invoices")
        ->envname("PORTAL_OPERATOR_PAYMENT_INSTRUCTIONS");
    app.add_option("--operator-legal-mentions", c.operator_profile.legal_mentions,
                   "Legal mentions printed on invoices (late-payment terms...)")
        ->envname("PORTAL_OPERATOR_LEGAL_MENTIONS");

    app.add_option("--shutdown-grace", c.shutdown_grace_seconds,
                   "On SIGTERM, seconds requests being handled get to finish before the server exits anyway")
        ->envname("PORTAL_SHUTDOWN_GRACE")
        ->check(CLI::Range(0, 3600))
        ->capture_default_str();

    TokenCommand token;
    CLI::App* token_cmd = app.add_subcommand("token", "Manage staff API tokens (run instead of serving)");
    token_cmd->require_subcommand(1);
    token_cmd->fallthrough(); // --db may come after the subcommand
    CLI::App* create = token_cmd->add_subcommand("create", "Create a token and print its secret, once");
    create->fallthrough();
    create->add_option("--name", token.name, "Who or what the token is for")->required();
    create->add_option("--roles", token.roles, "Comma-separated roles: admin, ops, viewer")->required();
    create->add_option("--account", token.account,
                       "E-mail of the staff account the token acts for: it gets no more than the account's roles "
                       "and stops when the account is disabled");
    CLI::App* list = token_cmd->add_subcommand("list", "List tokens (never their secrets)");
    list->fallthrough();
    CLI::App* revoke = token_cmd->add_subcommand("revoke", "Revoke a token: requests with it get 401 at once");
    revoke->fallthrough();
    revoke->add_option("token_id", token.token_id, "The token's id (stk_...)")->required();

    StaffCommand staff;
    CLI::App* staff_cmd = app.add_subcommand("staff", "Manage staff accounts (run instead of serving)");
    staff_cmd->require_subcommand(1);
    staff_cmd->fallthrough();
    CLI::App* staff_create =
        staff_cmd->add_subcommand("create", "Create an account and print a one-time link to set its password");
    staff_create->fallthrough();
    staff_create->add_option("--email", staff.email, "The person's e-mail (unique)")->required();
    staff_create->add_option("--name", staff.name, "The name shown in the console and audit trails")->required();
    staff_create->add_option("--roles", staff.roles, "Comma-separated roles: admin, ops, viewer")->required();
    staff_create->add_option("--language", staff.language, "fr or en")
        ->check(CLI::IsMember({"fr", "en"}))
        ->capture_default_str();
    CLI::App* staff_list = staff_cmd->add_subcommand("list", "List accounts");
    staff_list->fallthrough();
    CLI::App* staff_disable =
        staff_cmd->add_subcommand("disable", "Disable an account: its sessions and tokens stop at once");
    staff_disable->fallthrough();
    staff_disable->add_option("--email", staff.email, "The account's e-mail")->required();
    CLI::App* staff_enable = staff_cmd->add_subcommand("enable", "Enable a disabled account again");
    staff_enable->fallthrough();
    staff_enable->add_option("--email", staff.email, "The account's e-mail")->required();
    CLI::App* staff_reset =
        staff_cmd->add_subcommand("reset-password", "Print a new one-time password link (older links stop)");
    staff_reset->fallthrough();
    staff_reset->add_option("--email", staff.email, "The account's e-mail")->required();

    BackupCommand backup;
    CLI::App* backup_cmd =
        app.add_subcommand("backup", "Copy the database, consistent even while the server writes, then check the copy");
    backup_cmd->fallthrough();
    backup_cmd->add_option("--to", backup.to, "The copy's file (refused if it exists, unless --force)")->required();
    backup_cmd->add_flag("--force", backup.force, "Replace the file named by --to if it exists");
    CLI::App* check_cmd = app.add_subcommand(
        "check", "Check the database's integrity and foreign keys; exit 1 naming the problems found");
    check_cmd->fallthrough();
    CLI::App* config_cmd = app.add_subcommand("config", "Check the configuration (run instead of serving)");
    config_cmd->require_subcommand(1);
    config_cmd->fallthrough();
    CLI::App* config_check_cmd = config_cmd->add_subcommand(
        "check", "Read the config file, environment and flags; print every effective value (secrets masked); exit 2 "
                 "when a key or value is wrong or a required key is missing");
    config_check_cmd->fallthrough();

    std::string require_second_factor_for;
    app.add_option("--public-url", c.public_url,
                   "The address people reach the server at (https://portal.example.ma): where password links "
                   "point (default: the request's own Host, or http://<bind>:<port> on the command line)")
        ->envname("PORTAL_PUBLIC_URL");
    std::int64_t idle_minutes = c.staff_session_idle_seconds / 60;
    std::int64_t max_hours = c.staff_session_max_seconds / 3600;
    app.add_option("--staff-session-idle-minutes", idle_minutes, "A staff session unused this long ends")
        ->envname("PORTAL_STAFF_SESSION_IDLE_MINUTES")
        ->check(CLI::Range(1, 24 * 60))
        ->capture_default_str();
    app.add_option("--staff-session-max-hours", max_hours, "Every staff session ends this long after sign-in")
        ->envname("PORTAL_STAFF_SESSION_MAX_HOURS")
        ->check(CLI::Range(1, 24 * 30))
        ->capture_default_str();
    app.add_option("--require-2fa-for", require_second_factor_for,
                   "Comma-separated roles whose accounts must enrol a second factor (TOTP) before doing anything")
        ->envname("PORTAL_REQUIRE_2FA_FOR");
    app.add_option("--sign-in-max-failures", c.sign_in_max_failures,
                   "Failed staff sign-ins allowed per e-mail and per client address within the window; further "
                   "attempts get 429")
        ->envname("PORTAL_SIGN_IN_MAX_FAILURES")
        ->check(CLI::Range(1, 1000000))
        ->capture_default_str();
    app.add_option("--sign-in-window-seconds", c.sign_in_window_seconds, "Window of --sign-in-max-failures, in seconds")
        ->envname("PORTAL_SIGN_IN_WINDOW_SECONDS")
        ->check(CLI::Range(1, 7 * 24 * 3600))
        ->capture_default_str();
    app.add_option("--password-hash-memory-kib", c.password_hash_memory_kib,
                   "Argon2id memory per password hash, in KiB (README: the time one hash takes)")
        ->envname("PORTAL_PASSWORD_HASH_MEMORY_KIB")
        ->check(CLI::Range(8192, 1024 * 1024))
        ->capture_default_str();
    app.add_option("--password-hash-iterations", c.password_hash_iterations, "Argon2id passes over that memory")
        ->envname("PORTAL_PASSWORD_HASH_ITERATIONS")
        ->check(CLI::Range(1, 100))
        ->capture_default_str();

    // Every option's default, for config check (and --help).
    for (CLI::Option* option : app.get_options())
        if (option != app.get_config_ptr())
            option->capture_default_str();
    redirect_port->default_str(""); // -1 stands for off

    try {
        app.parse(argc, argv);
        c.staff_session_idle_seconds = idle_minutes * 60;
        c.staff_session_max_seconds = max_hours * 3600;
        if (!require_second_factor_for.empty()) {
            const auto roles = parse_staff_roles(require_second_factor_for);
            if (!roles)
                throw CLI::ValidationError("--require-2fa-for", "expected roles among admin, ops, viewer");
            c.require_second_factor_for = *roles;
        }
        if (staff_cmd->parsed()) {
            staff.action = staff_create->parsed()    ? "create"
                           : staff_list->parsed()    ? "list"
                           : staff_disable->parsed() ? "disable"
                           : staff_enable->parsed()  ? "enable"
                                                     : "reset-password";
            out.staff = staff;
        }
        if (backup_cmd->parsed())
            out.backup = backup;
        out.check_database = check_cmd->parsed();
        if (token_cmd->parsed()) {
            token.action = create->parsed() ? "create" : list->parsed() ? "list" : "revoke";
            out.token = token;
        }
        const auto reminders = parse_reminder_days(reminder_days);
        if (!reminders)
            throw CLI::ValidationError("--dunning-reminder-days",
                                       "expected days after the due date, from 1 to 365, separated by commas: 3,5,7");
        c.dunning.reminder_days = *reminders;
        c.dunning.suspension_day = suspension_day > 0 ? std::optional<int>(suspension_day) : std::nullopt;
        if (const auto wrong = check_dunning_policy(c.dunning))
            throw CLI::ValidationError(*wrong);
        const auto rule = parse_early_termination_rule(early_termination_rule);
        if (!rule)
            throw CLI::ValidationError(
                "--early-termination-rule",
                "expected remaining-months, none or fixed:AMOUNT (minor units, e.g. fixed:50000)");
        c.early_termination_rule = *rule;
        if (c.smtp.configured())
            if (const std::string wrong = mail::SmtpSender::check(c.smtp); !wrong.empty())
                throw CLI::ValidationError(wrong);
        if (!fixed_time.empty()) {
            std::int64_t t = 0;
            if (!parse_iso_timestamp(fixed_time, t))
                throw CLI::ValidationError("--fixed-time", "expected 2026-11-23T10:00:00Z or 2026-11-23");
            c.fixed_time = t;
        }
        if (c.tls_cert_file.empty() != c.tls_key_file.empty())
            throw CLI::ValidationError(c.tls_cert_file.empty() ? "--tls-key" : "--tls-cert",
                                       "HTTPS needs both --tls-cert and --tls-key");
        if (c.http_redirect_port >= 0 && !c.serves_tls())
            throw CLI::ValidationError("--http-redirect-port", "redirects to HTTPS: it needs --tls-cert and --tls-key");
        c.demo_billing_history = c.demo;
        c.demo_staff_accounts = c.demo;
        if (const std::string error = load_operator_files(c.operator_profile, c.demo); !error.empty())
            throw CLI::ValidationError(error);
        if (const CLI::Option* file = app.get_config_ptr(); file && file->count() > 0)
            out.config_warnings = config_file_warnings(file->as<std::string>());
        if (config_check_cmd->parsed()) {
            out.config_check.emplace();
            fill_config_check(app, c, *out.config_check);
            if (c.serves_tls())
                try {
                    const http::TlsCertificate loads(c.tls_cert_file, c.tls_key_file);
                } catch (const std::exception& e) {
                    out.config_check->error = e.what();
                }
        }
    } catch (const CLI::ParseError& e) {
        if (config_check_cmd->parsed() && e.get_exit_code() != 0) {
            out.config_check.emplace();
            const CLI::Option* file = app.get_config_ptr();
            out.config_check->file = file && file->count() > 0 ? file->as<std::string>() : "";
            out.config_check->error = e.what();
            return out;
        }
        out.run = false;
        out.exit_code = app.exit(e);
    }
    return out;
}

int print_config_check(const ConfigCheck& check, std::FILE* out, std::FILE* err) {
    std::fprintf(out, "# config file: %s\n", check.file.empty() ? "none" : check.file.c_str());
    for (const auto& [key, value] : check.values)
        std::fprintf(out, "%s = %s\n", key.c_str(), value.c_str());
    for (const std::string& warning : check.warnings)
        std::fprintf(err, "warning: %s\n", warning.c_str());
    if (!check.error.empty()) {
        std::fprintf(err, "portal-server config check: %s\n", check.error.c_str());
        return 2;
    }
    if (!check.missing.empty()) {
        std::string keys;
        for (const std::string& key : check.missing)
            keys += (keys.empty() ? "" : ", ") + key;
        std::fprintf(err, "portal-server config check: missing required keys: %s\n", keys.c_str());
        return 2;
    }
    std::fprintf(err, "portal-server config check: valid\n");
    return 0;
}

} // namespace isp
