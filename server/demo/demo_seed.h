// --demo: a catalog in all three service families and a few clients with contracts,
// written once into an empty database, so the signup journey can be shown on a laptop
// with no network. Never touches a database that already has offers.
#pragma once

namespace isp {
class Clock;
namespace store {
class Database;
}
namespace services {
class ContractDocuments;
}
} // namespace isp

namespace isp::demo {

// Returns true when it seeded (the database had no offers).
bool seed_if_empty(store::Database& db, const Clock& clock, const services::ContractDocuments& documents);

} // namespace isp::demo
