#include "server/services/contract_document_versions.h"

#include "server/services/contract_documents.h"
#include "server/services/failure.h"
#include "server/services/service_context.h"
#include "server/store/contract_store.h"
#include "server/store/database.h"

namespace isp::services {
namespace {

Failure contract_not_found() {
    return Failure(FailureKind::NotFound, "contract_not_found", "There is no contract with this id.");
}

} // namespace

std::vector<DocumentVersion> document_versions(ServiceContext& context, const std::string& contract_id) {
    return context.db.read([&](store::Connection& c) {
        const auto contract = store::find_contract(c, contract_id);
        if (!contract)
            throw contract_not_found();
        std::vector<DocumentVersion> versions;
        for (int v = 1; v <= contract->document_version; ++v)
            if (const auto record = store::find_contract_document(c, contract_id, v))
                versions.push_back({v, record->produced_on, v == contract->document_version});
        return versions;
    });
}

std::string document_version_pdf(ServiceContext& context, const std::string& contract_id, int version) {
    return context.db.read([&](store::Connection& c) {
        if (!store::find_contract(c, contract_id))
            throw contract_not_found();
        if (!store::find_contract_document(c, contract_id, version))
            throw Failure(FailureKind::NotFound, "document_version_not_found",
                          "This contract has no document version " + std::to_string(version) + ".");
        return context.documents.render(c, contract_id, version);
    });
}

} // namespace isp::services
