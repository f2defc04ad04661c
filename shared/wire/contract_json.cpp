#include "shared/wire/contract_json.h"

#include "shared/wire/json_reader.h"

namespace isp::wire {

nlohmann::json to_json(const Client& c) {
    return {{"client_id", c.client_id},   {"cin", c.cin},
            {"first_name", c.first_name}, {"last_name", c.last_name},
            {"phone", c.phone},           {"email", c.email},
            {"address", c.address},       {"language", std::string{to_string(c.language)}},
            {"created_at", c.created_at}, {"updated_at", c.updated_at.empty() ? c.created_at : c.updated_at}};
}

Client client_from_json(const nlohmann::json& j) {
    Client c;
    c.client_id = j.at("client_id").get<std::string>();
    c.cin = j.at("cin").get<std::string>();
    c.first_name = j.at("first_name").get<std::string>();
    c.last_name = j.at("last_name").get<std::string>();
    c.phone = j.value("phone", "");
    c.email = j.value("email", "");
    c.address = j.value("address", "");
    c.language = parse_language(j.value("language", "fr"));
    c.created_at = j.value("created_at", "");
    c.updated_at = j.value("updated_at", "");
    return c;
}

nlohmann::json to_json(const Contract& c) {
    const auto end = commitment_end(c.contract_start_date, c.commitment_months);
    return {{"contract_id", c.contract_id},
            {"contract_number", c.contract_number},
            {"client_id", c.client_id},
            {"offer_id", c.offer_id},
            {"subscriber", {{"service_identifier", c.service_identifier}}},
            {"contract_start_date", c.contract_start_date.to_iso()},
            {"commitment_months", c.commitment_months},
            {"commitment_end", end ? nlohmann::json(end->to_iso()) : nlohmann::json(nullptr)},
            {"status", std::string{to_string(c.status)}},
            {"document_version", c.document_version},
            {"created_at", c.created_at}};
}

Contract contract_from_json(const nlohmann::json& j) {
    Contract c;
    c.contract_id = j.at("contract_id").get<std::string>();
    c.contract_number = j.at("contract_number").get<std::string>();
    c.client_id = j.at("client_id").get<std::string>();
    c.offer_id = j.at("offer_id").get<std::string>();
    c.service_identifier = j.at("subscriber").at("service_identifier").get<std::string>();
    const auto start = parse_iso_date(j.at("contract_start_date").get<std::string>());
    if (!start)
        throw nlohmann::json::other_error::create(501, "bad contract_start_date", &j);
    c.contract_start_date = *start;
    c.commitment_months = integer_or(j, "commitment_months", 0);
    c.status = parse_contract_status(j.value("status", "active")).value_or(ContractStatus::Active);
    c.document_version = integer_or(j, "document_version", 1);
    c.created_at = j.value("created_at", "");
    return c;
}

} // namespace isp::wire
