#include "shared/wire/document_link_json.h"

#include "shared/wire/json_reader.h"

namespace isp::wire {

nlohmann::json to_json(const DocumentLink& link) {
    return {{"contract_id", link.contract_id},
            {"document_version", link.document_version},
            {"document_download_url", link.document_download_url},
            {"document_url_expires_at", link.document_url_expires_at}};
}

DocumentLink document_link_from_json(const nlohmann::json& j) {
    DocumentLink d;
    d.contract_id = j.value("contract_id", "");
    d.document_version = integer_or(j, "document_version", d.document_version);
    d.document_download_url = j.at("document_download_url").get<std::string>();
    d.document_url_expires_at = j.value("document_url_expires_at", "");
    return d;
}

} // namespace isp::wire
