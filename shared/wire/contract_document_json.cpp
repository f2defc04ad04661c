#include "shared/wire/contract_document_json.h"

#include "shared/wire/json_reader.h"

namespace isp::wire {

nlohmann::json contract_documents_json(const std::string& contract_id, const std::vector<DocumentVersion>& versions) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& v : versions)
        list.push_back(
            {{"version", v.version},
             {"produced_on", v.produced_on},
             {"current", v.current},
             {"document_url", "/api/v1/contracts/" + contract_id + "/documents/" + std::to_string(v.version)}});
    return {{"contract_id", contract_id}, {"versions", std::move(list)}};
}

std::vector<DocumentVersion> contract_documents_from_json(const nlohmann::json& j) {
    std::vector<DocumentVersion> versions;
    for (const auto& v : j.at("versions"))
        versions.push_back(
            {integer_value<int>(v.at("version")), v.at("produced_on").get<std::string>(), v.at("current").get<bool>()});
    return versions;
}

} // namespace isp::wire
