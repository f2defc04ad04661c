// What every route may use: the services' context (configuration, store, clock, document
// makers), plus what only the HTTP side needs: the token signer, the idempotency guard,
// the identity checks of existing clients, the limit on public writes and staff sessions.
// Owned by Server.
#pragma once

#include "server/services/service_context.h"

namespace isp {
namespace security {
class TokenSigner;
class RateLimiter;
} // namespace security
namespace http {
class IdempotencyGuard;
}
namespace services {
class ClientIdentity;
class StaffSessions;
} // namespace services

struct AppContext : services::ServiceContext {
    const security::TokenSigner& signer;
    http::IdempotencyGuard& idempotency;
    services::ClientIdentity& identity;
    security::RateLimiter& landing_writes; // per client address, every attempt counts
    services::StaffSessions& staff_sessions;
};

} // namespace isp
