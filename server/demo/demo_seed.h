// --demo: a catalog in all three service families and a few clients with contracts,
// written once into an empty database, so the signup journey can be shown on a laptop
// with no network. Never touches a database that already has offers.
#pragma once

namespace isp {
class Clock;
struct ServerConfig;
namespace store {
class Database;
}
namespace services {
class ContractDocuments;
}
} // namespace isp

namespace isp::demo {

// Returns true when it seeded (the database had no offers). With
// config.demo_billing_history, also the months already billed (demo_billing.h).
bool seed_if_empty(store::Database& db, const Clock& clock, const services::ContractDocuments& documents,
                   const ServerConfig& config);

} // namespace isp::demo
