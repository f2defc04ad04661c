#include "server/demo/bulk_contracts.h"

#include <cstdio>
#include <tuple>

#include "server/store/database.h"

namespace isp::demo {

void seed_bulk_contracts(store::Database& db, const BulkContracts& spec, const std::string& now) {
    db.write([&](store::Connection& c) {
        for (const auto& [id, name, price] :
             {std::tuple{bulk_offer_id, "Bulk Base", 9900}, std::tuple{bulk_upgrade_offer_id, "Bulk Plus", 14900}})
            c.prepare("INSERT OR IGNORE INTO offers (offer_id, family, name, monthly_price_minor, currency, "
                      "tax_rate_bp, created_at, updated_at) VALUES (?1, 'mobile', ?2, ?3, 'MAD', 2000, ?4, ?4)")
                .bind(id, name, price, now)
                .run();
        const std::string start = spec.start.to_iso();
        const std::string change = spec.plan_change_on ? spec.plan_change_on->to_iso() : std::string();
        char client_id[32], contract_id[32], number[32], cin[16], line[24], email[48];
        for (int i = 1; i <= spec.count; ++i) {
            std::snprintf(client_id, sizeof client_id, "cli_bulk_%07d", i);
            std::snprintf(contract_id, sizeof contract_id, "ctr_bulk_%07d", i);
            std::snprintf(number, sizeof number, "CTR-BULK-%07d", i);
            std::snprintf(cin, sizeof cin, "BK%07d", i);
            std::snprintf(line, sizeof line, "+2126%08d", i);
            std::snprintf(email, sizeof email, "client%d@example.com", i);
            const bool changes = spec.plan_change_on && spec.plan_change_every > 0 && i % spec.plan_change_every == 0;
            c.prepare("INSERT INTO clients (client_id, cin, first_name, last_name, phone, email, address, created_at, "
                      "updated_at) VALUES (?1, ?2, 'Client', ?3, ?4, ?5, '1, rue de la Gare, Casablanca', ?6, ?6)")
                .bind(client_id, cin, std::to_string(i), line, email, now)
                .run();
            c.prepare("INSERT INTO contracts (contract_id, contract_number, client_id, offer_id, service_identifier, "
                      "contract_start_date, status, created_at, updated_at) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'active', ?7, ?7)")
                .bind(contract_id, number, client_id, changes ? bulk_upgrade_offer_id : bulk_offer_id, line,
                      changes ? change : start, now)
                .run();
            const auto offer_period = [&](const char* offer_id, const std::string& from) {
                c.prepare("INSERT INTO contract_offer_periods (contract_id, offer_id, effective_from, recorded_at) "
                          "VALUES (?1, ?2, ?3, ?4)")
                    .bind(contract_id, offer_id, from, now)
                    .run();
            };
            offer_period(bulk_offer_id, start);
            if (changes)
                offer_period(bulk_upgrade_offer_id, change);
            c.prepare("INSERT INTO contract_status_periods (contract_id, status, effective_from, recorded_at) "
                      "VALUES (?1, 'active', ?2, ?3)")
                .bind(contract_id, start, now)
                .run();
        }
    });
}

} // namespace isp::demo
