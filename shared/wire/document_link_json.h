// Wire format of a signed, expiring link to a contract document version: the answer of
// POST /api/v1/landing/contracts/{id}/document-link, and part of the signup and
// plan-change answers.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

namespace isp::wire {

struct DocumentLink {
    std::string contract_id;
    int document_version = 1;
    std::string document_download_url; // relative to the site, carries the signed token
    std::string document_url_expires_at;
    bool operator==(const DocumentLink&) const = default;
};

// {"contract_id", "document_version", "document_download_url", "document_url_expires_at"}
nlohmann::json to_json(const DocumentLink& link);
DocumentLink document_link_from_json(const nlohmann::json& j); // throws nlohmann::json::exception on bad shape

} // namespace isp::wire
