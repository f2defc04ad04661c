// Everything an operator can set when starting portal-server, as the server uses it:
// filled from flags, environment variables and their defaults by app/config.cpp (CLI11),
// or directly by tests and benchmarks.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "server/config/operator_profile.h"
#include "server/config/smtp_settings.h"
#include "server/observability/log.h"
#include "shared/billing/early_termination.h"
#include "shared/collections/dunning_policy.h"
#include "shared/staff/staff_role.h"

namespace isp {

struct ServerConfig {
    std::string db_path = "portal.db";
    std::string bind = "127.0.0.1";
    int port = 8080; // 0 picks a free port (printed at start)
    bool demo = false;
    // --demo from the command line also seeds three months of invoices and payments; API
    // tests start with demo clients but no invoices, and bill what they need themselves.
    bool demo_billing_history = false;
    // --demo from the command line also creates three staff accounts with passwords
    // (server/demo/demo_staff.h); API tests make the accounts they need themselves.
    bool demo_staff_accounts = false;
    std::optional<std::int64_t> fixed_time; // freezes the clock (demos on a chosen date, tests)
    int threads = 0;                        // 0 = automatic
    std::size_t max_body_bytes = 64 * 1024;
    int request_head_timeout_seconds = 10; // a request's line and headers, all of them
    int request_body_timeout_seconds = 30; // its body, all of it
    int max_connections_per_address = 128; // open at once per client address (not trusted proxies)
    std::int64_t document_link_ttl_seconds = 24 * 3600;
    int draft_ttl_days = 30;
    std::int64_t lookup_token_ttl_seconds = 15 * 60; // verify-cin's lookup token
    int verify_max_failures = 5;                     // failed identity proofs per address / per CIN ...
    std::int64_t verify_window_seconds = 15 * 60;    // ... within this window, then 429
    int landing_writes_per_minute = 30;              // public writes per client address
    // Behind a reverse proxy that authenticates staff itself: X-Actor-Id (+ X-Actor-Roles)
    // is then accepted as authentication. Off by default: anyone could send the header.
    bool trust_proxy_actor = false;
    // Reverse proxies whose X-Forwarded-For is believed for the client's address (rate
    // limits per address); none by default: the peer's address is the client's.
    std::vector<std::string> trusted_proxies;
    // Staff accounts (docs/staff-accounts.md).
    std::string public_url;                             // base of password links; default http://<bind>:<port>
    std::int64_t staff_session_idle_seconds = 30 * 60;  // a session unused this long ends
    std::int64_t staff_session_max_seconds = 12 * 3600; // and every session ends this long after sign-in
    std::vector<StaffRole> require_second_factor_for;   // roles that must enrol a TOTP authenticator
    int sign_in_max_failures = 5;                       // failed sign-ins per e-mail and per address ...
    std::int64_t sign_in_window_seconds = 15 * 60;      // ... within this window, then 429
    std::uint32_t password_hash_memory_kib = 19456;     // Argon2id (OWASP recommendation): memory per hash ...
    std::uint32_t password_hash_iterations = 2;         // ... and passes over it
    int invoice_due_days = 15;                          // an invoice is due this many days after its issue date
    DunningPolicy dunning; // reminders and suspension of unpaid invoices (docs/lifecycle.md)
    // What a customer owes for cancelling before the end of the commitment (docs/lifecycle.md).
    EarlyTerminationRule early_termination_rule;
    SmtpSettings smtp; // customers' e-mails (docs/lifecycle.md); off when its url is empty
    // CA certificates (PEM) that https webhook receivers' certificates are checked against;
    // empty: the system's (a receiver inside the operator's network may have a private CA).
    std::string webhook_ca_file;
    // How often the server looks for work whose date has come (scheduled status changes);
    // it also looks at start and before each billing run.
    int scheduler_interval_seconds = 60;
    // On SIGTERM, requests being handled get this long to finish before the process exits anyway.
    int shutdown_grace_seconds = 10;
    OperatorProfile operator_profile;
    // Logs and metrics (docs/monitoring.md): lines above this level are not written; the
    // metrics listener, "ADDR:PORT" (port 0 picks a free one), is off when empty.
    observability::LogLevel log_level = observability::LogLevel::info;
    std::string metrics_bind;
    // HTTPS on the server's own port (docs/operations.md): a PEM certificate chain and its key,
    // both or neither; SIGHUP reads them again. With them, `http_redirect_port` (>= 0; 0
    // picks a free one) opens a plain-HTTP listener that only redirects to HTTPS, and every
    // answer carries HSTS for `hsts_max_age_seconds` (0: none).
    std::string tls_cert_file;
    std::string tls_key_file;
    int http_redirect_port = -1;
    std::int64_t hsts_max_age_seconds = 365 * 24 * 3600;

    bool serves_tls() const { return !tls_cert_file.empty(); }
};

} // namespace isp
