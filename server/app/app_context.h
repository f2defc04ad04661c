// What every route and service may use: the configuration, the store, the clock, the
// token signer, the idempotency guard, the contract documents, the identity checks of
// existing clients and the limit on public writes. Owned by Server.
#pragma once

namespace isp {
class Clock;
struct ServerConfig;
namespace store {
class Database;
}
namespace security {
class TokenSigner;
class RateLimiter;
} // namespace security
namespace http {
class IdempotencyGuard;
}
namespace services {
class ContractDocuments;
class InvoiceDocuments;
class ClientIdentity;
} // namespace services

struct AppContext {
    const ServerConfig& config;
    store::Database& db;
    const Clock& clock;
    const security::TokenSigner& signer;
    http::IdempotencyGuard& idempotency;
    services::ContractDocuments& documents;
    services::InvoiceDocuments& invoice_documents;
    services::ClientIdentity& identity;
    security::RateLimiter& landing_writes; // per client address, every attempt counts
};

} // namespace isp
