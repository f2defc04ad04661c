#include "server/app/server.h"

#include <atomic>
#include <stdexcept>
#include <thread>

#include <httplib.h>

#include "server/app/deliverer.h"
#include "server/app/email_channel.h"
#include "server/app/scheduler.h"
#include "server/app/webhook_channel.h"
#include "server/clock/clock.h"
#include "server/config/listen_address.h"
#include "server/demo/demo_seed.h"
#include "server/demo/demo_staff.h"
#include "server/http/access_log.h"
#include "server/http/connections.h"
#include "server/http/https_redirect.h"
#include "server/http/idempotency.h"
#include "server/http/problem.h"
#include "server/http/request_framing.h"
#include "server/http/request_id.h"
#include "server/http/route.h"
#include "server/http/tls.h"
#include "server/http/worker_pool.h"
#include "server/observability/log.h"
#include "server/observability/metrics.h"
#include "server/routes/app_context.h"
#include "server/routes/routes.h"
#include "server/security/rate_limiter.h"
#include "server/security/signed_token.h"
#include "server/services/client_identity.h"
#include "server/services/contract_documents.h"
#include "server/services/customer_notifications.h"
#include "server/services/invoice_documents.h"
#include "server/services/staff_sessions.h"
#include "server/store/database.h"
#include "server/store/secret_store.h"

namespace isp {

struct Server::Impl {
    ServerConfig config;
    std::shared_ptr<Clock> clock;
    store::Database db;
    security::TokenSigner signer;
    http::IdempotencyGuard idempotency;
    services::ContractDocuments documents;
    services::InvoiceDocuments invoice_documents;
    services::ClientIdentity identity;
    security::RateLimiter landing_writes;
    services::ServiceContext services;
    services::StaffSessions staff_sessions;
    AppContext context;
    http::ConnectionServer http;
    int port = -1;
    std::vector<demo::DemoStaffSignIn> demo_staff;
    // The metrics listener (--metrics-bind), apart from the public port so that /metrics is
    // never served to the world by accident.
    std::unique_ptr<httplib::Server> metrics_http;
    std::thread metrics_thread;
    std::atomic<bool> metrics_stopped{false};
    int metrics_port = -1;
    // HTTPS (--tls-cert): the certificate in use, and the plain-HTTP listener that only
    // redirects to it (--http-redirect-port).
    std::shared_ptr<http::TlsCertificate> tls;
    std::unique_ptr<http::ConnectionServer> redirect_http;
    std::thread redirect_thread;
    int redirect_port = -1;
    Scheduler scheduler;
    Deliverer deliverer;

    Impl(ServerConfig cfg, std::shared_ptr<Clock> clk)
        : config(std::move(cfg)), clock(std::move(clk)), db(config.db_path),
          signer(store::load_or_create_secret(db, "token_signing_key", clock->now_iso())), idempotency(db, *clock),
          documents(config, signer, *clock), invoice_documents(config, signer, *clock),
          identity(config, signer, *clock),
          landing_writes(*clock, config.landing_writes_per_minute, 60, "landing_writes"), services{config, db, *clock,
                                                                                                   documents,
                                                                                                   invoice_documents},
          staff_sessions(services, signer), context{services, signer,         idempotency,
                                                    identity, landing_writes, staff_sessions},
          http(connection_limits(config)), scheduler(services, std::chrono::seconds(config.scheduler_interval_seconds)),
          deliverer(std::chrono::seconds(5)) {
        deliverer.add(std::make_unique<WebhookChannel>(services, config.webhook_ca_file));
        if (config.smtp.configured())
            deliverer.add(std::make_unique<EmailChannel>(services));
        db.on_delivery_work([this] { deliverer.wake(); });
    }

    static http::ConnectionLimits connection_limits(const ServerConfig& c) {
        http::ConnectionLimits limits;
        limits.head_seconds = c.request_head_timeout_seconds;
        limits.body_seconds = c.request_body_timeout_seconds;
        limits.max_per_address = c.max_connections_per_address;
        limits.uncounted_addresses = c.trusted_proxies;
        return limits;
    }
};

namespace {

std::shared_ptr<Clock> default_clock(const ServerConfig& config) {
    if (config.fixed_time)
        return std::make_shared<FixedClock>(*config.fixed_time);
    return std::make_shared<SystemClock>();
}

void tune(http::ConnectionServer& http, const ServerConfig& config) {
    // TCP_NODELAY avoids Nagle + delayed-ACK stalls. Each connection holds a worker while it
    // is open: the pool grows on demand (idle extra workers exit after a few seconds), and
    // it is always larger than what one client address may hold (http/connections.h), so no
    // single address can take every worker.
    const std::size_t threads = config.threads > 0 ? static_cast<std::size_t>(config.threads)
                                                   : std::max(16u, 4 * std::thread::hardware_concurrency());
    const std::size_t max_threads =
        std::max({threads * 8, std::size_t{512}, 4 * static_cast<std::size_t>(config.max_connections_per_address)});
    http.new_task_queue = [threads, max_threads] { return new http::WorkerPool(threads, max_threads, 8192); };
    http.set_tcp_nodelay(true);
    http.set_keep_alive_max_count(10000);
    http.set_keep_alive_timeout(2);
    http.set_read_timeout(5, 0);
    http.set_write_timeout(5, 0);
    http.set_payload_max_length(config.max_body_bytes);

    // Every answer gets its request id first thing (http/request_id.h), whichever of these
    // handlers sees it first: a problem document written after carries it.
    http.set_exception_handler([&config](const httplib::Request& req, httplib::Response& res, std::exception_ptr) {
        const std::string id = http::assign_request_id(req, res, config.trusted_proxies);
        // The exception's text stays out of logs and answers: it may describe internals,
        // or quote request data (CVE-2026-28434).
        observability::log(observability::LogLevel::error, {{"message", "unhandled exception"},
                                                            {"request_id", id},
                                                            {"method", http::known_method(req.method)},
                                                            {"route", http::log_path(req)}});
        http::write_problem(
            res, http::ApiError(500, "internal_error", "Something went wrong on our side; retry later."), req.path);
    });
    http.set_error_handler([&config](const httplib::Request& req, httplib::Response& res) {
        http::assign_request_id(req, res, config.trusted_proxies);
        if (!res.body.empty())
            return httplib::Server::HandlerResponse::Unhandled;
        switch (res.status) {
        case 404:
            http::write_problem(res, http::ApiError(404, "not_found", "No such resource: " + req.path + "."), req.path);
            break;
        case 413:
            http::write_problem(res, http::ApiError(413, "payload_too_large", "The request body is too large."),
                                req.path);
            break;
        default:
            http::write_problem(res, http::ApiError(res.status, "http_error", http::status_title(res.status)),
                                req.path);
        }
        return httplib::Server::HandlerResponse::Handled;
    });
    // Malformed framing and paths are answered before any body is read or route is tried.
    http.set_pre_routing_handler([&config](const httplib::Request& req, httplib::Response& res) {
        http::assign_request_id(req, res, config.trusted_proxies);
        if (auto refusal = http::check_request_framing(req, config.max_body_bytes)) {
            if (refusal->skip_body)
                http::ConnectionServer::skip_request_body();
            http::write_problem(res, refusal->error, req.path);
            return httplib::Server::HandlerResponse::Handled;
        }
        return httplib::Server::HandlerResponse::Unhandled;
    });
    http.set_post_routing_handler([&config](const httplib::Request& req, httplib::Response& res) {
        http::assign_request_id(req, res, config.trusted_proxies);
        res.set_header("X-Content-Type-Options", "nosniff");
        // Nothing we serve is meant to be shown inside another site's frame (clickjacking).
        res.set_header("X-Frame-Options", "DENY");
        if (!res.has_header("Content-Security-Policy"))
            res.set_header("Content-Security-Policy", "frame-ancestors 'none'");
        // Document links carry their token in the URL: never leak it to another site.
        res.set_header("Referrer-Policy", "no-referrer");
        if (config.serves_tls() && config.hsts_max_age_seconds > 0)
            res.set_header("Strict-Transport-Security", "max-age=" + std::to_string(config.hsts_max_age_seconds));
        if (req.path.rfind("/api/", 0) == 0 && !res.has_header("Cache-Control"))
            res.set_header("Cache-Control", "no-store");
    });
    // After each answer is made, before it is sent; requests refused before any is read
    // (too many connections) are recorded by http/connections.cpp itself.
    http.set_logger([&config](const httplib::Request& req, const httplib::Response& res) {
        http::record_answer(req, res, config.trusted_proxies);
    });
}

} // namespace

Server::Server(ServerConfig config, std::shared_ptr<Clock> clock) {
    observability::set_log_level(config.log_level);
    if (!clock)
        clock = default_clock(config);
    impl_ = std::make_unique<Impl>(std::move(config), std::move(clock));
    if (impl_->config.demo && demo::seed_if_empty(impl_->db, *impl_->clock, impl_->documents, impl_->config) &&
        impl_->config.demo_staff_accounts)
        impl_->demo_staff = demo::seed_staff_accounts(impl_->services);
    // E-mail tells customers what happens from now on: after the demo's seeded history.
    if (impl_->config.smtp.configured())
        services::start_customer_emails(impl_->services);
    if (impl_->config.serves_tls()) {
        impl_->tls = std::make_shared<http::TlsCertificate>(impl_->config.tls_cert_file, impl_->config.tls_key_file);
        impl_->http.use_tls(impl_->tls);
    }
    tune(impl_->http, impl_->config);
    routes::register_all(impl_->http, impl_->context);
}

Server::~Server() {
    stop();
    if (impl_ && impl_->metrics_thread.joinable())
        impl_->metrics_thread.join();
    if (impl_ && impl_->redirect_thread.joinable())
        impl_->redirect_thread.join();
}

int Server::bind() {
    const ServerConfig& c = impl_->config;
    if (c.port == 0)
        impl_->port = impl_->http.bind_to_any_port(c.bind);
    else
        impl_->port = impl_->http.bind_to_port(c.bind, c.port) ? c.port : -1;
    if (impl_->port < 0)
        throw std::runtime_error("cannot listen on " + c.bind + ":" + std::to_string(c.port));
    if (!c.metrics_bind.empty() && !impl_->metrics_http)
        bind_metrics();
    if (c.serves_tls() && c.http_redirect_port >= 0 && !impl_->redirect_http)
        bind_redirect();
    return impl_->port;
}

void Server::bind_redirect() {
    const ServerConfig& c = impl_->config;
    // The same guarded connections as the main port (deadlines, a few per address), with
    // few workers: each request is answered at once.
    auto redirect = std::make_unique<http::ConnectionServer>(Impl::connection_limits(c));
    redirect->new_task_queue = [] { return new http::WorkerPool(2, 64, 1024); };
    http::serve_https_redirects(*redirect, c.public_url, impl_->port);
    const int port = c.http_redirect_port == 0
                         ? redirect->bind_to_any_port(c.bind)
                         : (redirect->bind_to_port(c.bind, c.http_redirect_port) ? c.http_redirect_port : -1);
    if (port < 0)
        throw std::runtime_error("cannot listen on " + c.bind + ":" + std::to_string(c.http_redirect_port) +
                                 " (--http-redirect-port)");
    impl_->redirect_port = port;
    impl_->redirect_thread = std::thread([server = redirect.get()] { server->listen_after_bind(); });
    redirect->wait_until_ready();
    impl_->redirect_http = std::move(redirect);
}

std::string Server::reload_tls() {
    if (!impl_->tls)
        return "no TLS certificate to reload: the server was started without --tls-cert";
    return impl_->tls->reload();
}

std::string Server::tls_certificate() const {
    return impl_->tls ? impl_->tls->describe() : std::string();
}

void Server::bind_metrics() {
    const auto address = parse_listen_address(impl_->config.metrics_bind);
    if (!address)
        throw std::runtime_error("--metrics-bind: expected ADDR:PORT, not " + impl_->config.metrics_bind);
    auto metrics = std::make_unique<httplib::Server>();
    // Scraped every few seconds by one or two collectors: two workers are plenty.
    metrics->new_task_queue = [] { return new httplib::ThreadPool(2); };
    metrics->set_keep_alive_timeout(2);
    metrics->set_read_timeout(5, 0);
    metrics->set_write_timeout(5, 0);
    metrics->Get("/metrics", [impl = impl_.get()](const httplib::Request&, httplib::Response& res) {
        res.set_content(observability::metrics().render(impl->config.db_path, impl->http.requests_in_flight()),
                        "text/plain; version=0.0.4; charset=utf-8");
    });
    const int port = address->port == 0 ? metrics->bind_to_any_port(address->host)
                                        : (metrics->bind_to_port(address->host, address->port) ? address->port : -1);
    if (port < 0)
        throw std::runtime_error("cannot listen on " + impl_->config.metrics_bind + " (--metrics-bind)");
    impl_->metrics_port = port;
    impl_->metrics_thread = std::thread([server = metrics.get()] { server->listen_after_bind(); });
    // Ready before bind() returns, so a stop() that follows at once finds it running.
    metrics->wait_until_ready();
    impl_->metrics_http = std::move(metrics);
}

void Server::serve() {
    impl_->scheduler.start();
    impl_->deliverer.start();
    impl_->http.listen_after_bind();
}

int Server::run_due_work() {
    return impl_->scheduler.run_once();
}

int Server::deliver_due() {
    return impl_->deliverer.run_once();
}

void Server::stop() {
    if (!impl_)
        return;
    impl_->http.shut_down();
    impl_->scheduler.stop();
    impl_->deliverer.stop();
    if (impl_->redirect_http)
        impl_->redirect_http->shut_down();
    // Once: cpp-httplib's stop() must not run again while its listen loop is still ending.
    if (impl_->metrics_http && !impl_->metrics_stopped.exchange(true))
        impl_->metrics_http->stop();
}

std::int64_t Server::requests_in_flight() const {
    return impl_->http.requests_in_flight();
}

bool Server::checkpoint() {
    return impl_->db.checkpoint();
}

std::string Server::handle_connection_bytes(std::string_view bytes) {
    return impl_->http.handle_bytes(bytes);
}

bool Server::wait_until_ready() const {
    impl_->http.wait_until_ready();
    return impl_->http.is_running();
}

int Server::port() const {
    return impl_->port;
}
int Server::metrics_port() const {
    return impl_->metrics_port;
}
int Server::redirect_port() const {
    return impl_->redirect_port;
}
const ServerConfig& Server::config() const {
    return impl_->config;
}
const std::vector<demo::DemoStaffSignIn>& Server::demo_staff_sign_ins() const {
    return impl_->demo_staff;
}

} // namespace isp
