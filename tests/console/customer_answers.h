// The server's answers about customers and contracts, in the wire format, for the customers
// and contracts section tests (written through shared/wire's writers where one exists).
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "console_fixture.h"
#include "shared/domain/contract_detail.h"
#include "shared/wire/contract_detail_json.h"
#include "shared/wire/contract_document_json.h"
#include "shared/wire/contract_json.h"
#include "shared/wire/offer_json.h"
#include "shared/wire/page_json.h"

namespace isp::console::test {

inline nlohmann::json page_of(nlohmann::json items, std::int64_t total = -1) {
    const std::int64_t count = total < 0 ? static_cast<std::int64_t>(items.size()) : total;
    return wire::page_json(std::move(items), wire::Pagination{1, 20, count});
}

inline Client amina() {
    Client c;
    c.client_id = "cli_43";
    c.cin = "AB123456";
    c.first_name = "Amina";
    c.last_name = "El Idrissi";
    c.phone = "+212612345678";
    c.email = "amina@example.ma";
    c.address = "12 rue des Orangers, Rabat";
    c.created_at = "2026-01-10T09:00:00Z";
    return c;
}

inline Offer mobile_offer(std::string id = "ofr_1", std::string name = "Mobile 20 Go") {
    return {std::move(id), ServiceFamily::Mobile, std::move(name), "", {9900, "MAD"}, 2000, 0, true};
}

inline Contract contract_of(std::string id, ContractStatus status = ContractStatus::Active) {
    Contract k;
    k.contract_id = std::move(id);
    k.contract_number = "CTR-2026-000007";
    k.client_id = "cli_43";
    k.offer_id = "ofr_1";
    k.service_identifier = "+212612345678";
    k.contract_start_date = Date{2026, 2, 1};
    k.status = status;
    k.created_at = "2026-02-01T09:00:00Z";
    return k;
}

inline nlohmann::json detail_json(const Contract& k) {
    return wire::to_json(ContractDetail{
        k, mobile_offer(), {{k.offer_id, k.contract_start_date}}, {{k.status, k.contract_start_date}}, {}});
}

inline nlohmann::json audit_page(const std::string& contract_id) {
    const AuditRecord created{
        1,
        {contract_id, "2026-02-01T09:00:00Z", "ops@isp.example.ma", "created", std::nullopt, R"({"status":"active"})"}};
    return page_of(nlohmann::json::array({wire::to_json(created)}));
}

} // namespace isp::console::test
