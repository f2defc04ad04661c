// Every version of a contract's document, for staff (issue #3: a signed contract is a
// record; earlier versions stay retrievable after a plan change): which versions exist
// and the PDF of one, rendered from its snapshot (byte-identical to what the client
// downloaded then).
#pragma once
#include <string>
#include <vector>

#include "shared/domain/contract_document_version.h"

namespace isp::services {
struct ServiceContext;

// Oldest first. 404 contract_not_found.
std::vector<DocumentVersion> document_versions(ServiceContext& context, const std::string& contract_id);
// 404 contract_not_found, document_version_not_found.
std::string document_version_pdf(ServiceContext& context, const std::string& contract_id, int version);

} // namespace isp::services
