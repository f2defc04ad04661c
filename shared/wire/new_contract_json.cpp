#include "shared/wire/new_contract_json.h"

#include "shared/wire/json_reader.h"
#include "shared/wire/offer_json.h"

namespace isp::wire {

NewContract new_contract(const Contract& k, const Offer& offer, const DocumentLink& link) {
    const auto end = commitment_end(k.contract_start_date, k.commitment_months);
    return NewContract{k.contract_id,
                       k.contract_number,
                       k.client_id,
                       std::string{to_string(k.status)},
                       k.contract_start_date.to_iso(),
                       k.commitment_months,
                       end ? end->to_iso() : std::string{},
                       k.service_identifier,
                       offer,
                       k.document_version,
                       link.document_download_url,
                       link.document_url_expires_at};
}

nlohmann::json to_json(const NewContract& c) {
    return {{"contract_id", c.contract_id},
            {"contract_number", c.contract_number},
            {"client_id", c.client_id},
            {"status", c.status},
            {"contract_start_date", c.contract_start_date},
            {"commitment_months", c.commitment_months},
            {"commitment_end", c.commitment_end.empty() ? nlohmann::json(nullptr) : nlohmann::json(c.commitment_end)},
            {"subscriber", {{"service_identifier", c.service_identifier}}},
            {"offer", to_json(c.offer)},
            {"document_version", c.document_version},
            {"document_download_url", c.document_download_url},
            {"document_url_expires_at", c.document_url_expires_at}};
}

NewContract new_contract_from_json(const nlohmann::json& j) {
    NewContract c;
    c.contract_id = j.at("contract_id").get<std::string>();
    c.contract_number = j.at("contract_number").get<std::string>();
    c.client_id = j.value("client_id", "");
    c.status = j.value("status", "");
    c.contract_start_date = j.value("contract_start_date", "");
    c.commitment_months = integer_or(j, "commitment_months", c.commitment_months);
    if (const auto it = j.find("commitment_end"); it != j.end() && it->is_string())
        c.commitment_end = it->get<std::string>();
    if (const auto it = j.find("subscriber"); it != j.end() && it->is_object())
        c.service_identifier = it->value("service_identifier", "");
    if (const auto it = j.find("offer"); it != j.end() && it->is_object())
        c.offer = offer_from_json(*it);
    c.document_version = integer_or(j, "document_version", c.document_version);
    c.document_download_url = j.value("document_download_url", "");
    c.document_url_expires_at = j.value("document_url_expires_at", "");
    return c;
}

} // namespace isp::wire
