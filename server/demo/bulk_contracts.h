// Many active contracts written straight with SQL in one transaction: the data set of
// the billing benchmark (bench/billing) and of the billing crash test. Not demo data
// for people: synthetic clients (cli_bulk_000001...), two mobile offers of its own.
#pragma once
#include <optional>
#include <string>

#include "shared/domain/date.h"

namespace isp::store {
class Database;
}

namespace isp::demo {

inline constexpr const char* bulk_offer_id = "ofr_bulk_base";         // 99.00 MAD, 20 % VAT
inline constexpr const char* bulk_upgrade_offer_id = "ofr_bulk_plus"; // 149.00 MAD, 20 % VAT

struct BulkContracts {
    int count = 100000;
    Date start{2026, 1, 1};             // every contract starts on the base offer that day
    std::optional<Date> plan_change_on; // one contract in `plan_change_every` moves to the upgrade then
    int plan_change_every = 10;
};

void seed_bulk_contracts(store::Database& db, const BulkContracts& spec, const std::string& now);

} // namespace isp::demo
