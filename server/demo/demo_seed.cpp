#include "server/demo/demo_seed.h"

#include "server/clock/clock.h"
#include "server/config/server_config.h"
#include "server/demo/demo_billing.h"
#include "server/services/contract_documents.h"
#include "server/services/signup_service.h"
#include "server/store/catalog_store.h"
#include "server/store/client_store.h"
#include "server/store/contract_store.h"
#include "server/store/database.h"
#include "shared/wire/contract_json.h"

namespace isp::demo {
namespace {

Offer offer(const char* id, ServiceFamily family, const char* name, const char* description, std::int64_t price_minor,
            int commitment) {
    return Offer{id, family, name, description, Money{price_minor, "MAD"}, 2000, commitment, true};
}

struct DemoClient {
    const char* client_id;
    const char* cin;
    const char* first_name;
    const char* last_name;
    const char* phone;
    const char* email;
    const char* address;
    const char* offer_id;
    const char* service_identifier;
};

} // namespace

bool seed_if_empty(store::Database& db, const Clock& clock, const services::ContractDocuments& documents,
                   const ServerConfig& config) {
    return db.write([&](store::Connection& c) {
        if (!store::list_offers(c, false).empty())
            return false;
        const std::string now = clock.now_iso();
        const Offer offers[] = {
            offer("ofr_mobile_essentiel", ServiceFamily::Mobile, "Mobile Essentiel",
                  "2 h d'appels, SMS illimit\u00e9s, 10 Go", 4900, 0),
            offer("ofr_mobile_confort", ServiceFamily::Mobile, "Mobile Confort", "Appels et SMS illimit\u00e9s, 50 Go",
                  9900, 12),
            offer("ofr_mobile_illimite", ServiceFamily::Mobile, "Mobile Illimit\u00e9",
                  "Appels, SMS et Internet illimit\u00e9s, roaming Europe", 19900, 12),
            offer("ofr_internet_adsl20", ServiceFamily::Internet, "ADSL 20 M\u00e9ga",
                  "Jusqu'\u00e0 20 Mb/s, box Wi-Fi incluse", 24900, 12),
            offer("ofr_internet_fibre100", ServiceFamily::Internet, "Fibre 100 M\u00e9ga",
                  "100 Mb/s sym\u00e9triques, box Wi-Fi 6", 34900, 12),
            offer("ofr_internet_fibre500", ServiceFamily::Internet, "Fibre 500 M\u00e9ga",
                  "500 Mb/s sym\u00e9triques, box Wi-Fi 6, IP fixe", 59900, 24),
            offer("ofr_landline_local", ServiceFamily::Landline, "Fixe Local",
                  "Appels illimit\u00e9s vers les fixes du Maroc", 9900, 0),
            offer("ofr_landline_monde", ServiceFamily::Landline, "Fixe Monde",
                  "Appels illimit\u00e9s vers fixes et mobiles, 50 pays", 14900, 12),
        };
        for (const Offer& o : offers)
            store::insert_offer(c, o, now);

        const DemoClient clients[] = {
            {"cli_demo_amina", "AB123456", "Amina", "El Idrissi", "+212612345678", "amina.elidrissi@example.ma",
             "24, rue Ibn Battouta, Rabat", "ofr_mobile_confort", "+212612345678"},
            {"cli_demo_youssef", "BE654321", "Youssef", "Benali", "+212661234567", "y.benali@example.ma",
             "7, avenue Hassan II, F\u00e8s", "ofr_internet_fibre100", "+212535123456"},
            {"cli_demo_helene", "X98765", "H\u00e9l\u00e8ne", "Fran\u00e7ois-\u00d8stergaard", "+212700112233",
             "helene.f@example.com", "3, place des Nations Unies, Casablanca", "ofr_landline_local", "+212522445566"},
        };
        const Date today = clock.today_utc();
        for (const DemoClient& d : clients) {
            Client cl{d.client_id, d.cin,     d.first_name,     d.last_name, d.phone,
                      d.email,     d.address, Language::French, now,         now};
            store::insert_client(c, cl);
            Contract k;
            k.contract_id = std::string("ctr_demo_") + (d.client_id + 9);
            k.contract_number = services::next_contract_number(c, today.year);
            k.client_id = d.client_id;
            k.offer_id = d.offer_id;
            k.service_identifier = d.service_identifier;
            k.contract_start_date = today.plus_months(-3);
            k.commitment_months = 12;
            k.created_at = now;
            store::insert_contract(c, k);
            store::record_offer_period(c, k.contract_id, k.offer_id, k.contract_start_date, now);
            store::record_status_period(c, k.contract_id, k.status, k.contract_start_date, now);
            store::append_contract_audit(
                c, {k.contract_id, now, "demo", "created", std::nullopt, wire::to_json(k).dump()});
            documents.record_version(c, cl, *store::find_offer(c, d.offer_id), k);
        }
        if (config.demo_billing_history)
            seed_billing_history(c, clock, config);
        return true;
    });
}

} // namespace isp::demo
