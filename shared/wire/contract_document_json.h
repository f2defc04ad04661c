// Wire format of GET /api/v1/contracts/{contract_id}/documents (staff): every version of
// a contract's document, oldest first, each with the address of its PDF.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "shared/domain/contract_document_version.h"

namespace isp::wire {

// {contract_id, versions: [{version, produced_on, current, document_url}]}
nlohmann::json contract_documents_json(const std::string& contract_id, const std::vector<DocumentVersion>& versions);
// The versions of that answer; throws nlohmann::json::exception on bad shape.
std::vector<DocumentVersion> contract_documents_from_json(const nlohmann::json& j);

} // namespace isp::wire
