// What services are given to work with: the configuration, the store, the clock and the
// document makers. Owned by Server; routes hold it inside their AppContext
// (routes/app_context.h), which adds what only the HTTP side needs.
#pragma once

namespace isp {
class Clock;
struct ServerConfig;
namespace store {
class Database;
}
} // namespace isp

namespace isp::services {
struct ServiceContext;

class ContractDocuments;
class InvoiceDocuments;

struct ServiceContext {
    const ServerConfig& config;
    store::Database& db;
    const Clock& clock;
    ContractDocuments& documents;
    InvoiceDocuments& invoice_documents;
};

} // namespace isp::services
