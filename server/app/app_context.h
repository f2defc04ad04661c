// What every route and service may use: the configuration, the store, the clock, the
// token signer, the idempotency guard and the contract documents. Owned by Server.
#pragma once

namespace isp {
class Clock;
struct ServerConfig;
namespace store {
class Database;
}
namespace security {
class TokenSigner;
}
namespace http {
class IdempotencyGuard;
}
namespace services {
class ContractDocuments;
}

struct AppContext {
    const ServerConfig& config;
    store::Database& db;
    const Clock& clock;
    const security::TokenSigner& signer;
    http::IdempotencyGuard& idempotency;
    services::ContractDocuments& documents;
};

} // namespace isp
