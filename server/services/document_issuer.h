// The operator as a document shows it. Recorded with each document (a contract version's
// snapshot, a billing run for its invoices) when the document is produced, and read back
// to render it: changing the operator's name, logo or terms later does not change
// documents already issued. The logo and terms go to document_assets, once each.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "pdf/operator_identity.h"

namespace isp {
struct OperatorProfile;
namespace store {
class Connection;
}
} // namespace isp

namespace isp::services {

// In the caller's transaction.
nlohmann::json record_issuer(store::Connection& c, const OperatorProfile& profile, const std::string& now);

struct RecordedIssuer {
    pdf::OperatorIdentity identity; // name, address, legal ids, footer, accent, logo
    std::string terms;              // contract terms
    std::string payment_instructions;
    std::string legal_mentions;
};

// Fields a record made before they existed lack read as empty (and the default accent).
RecordedIssuer read_issuer(store::Connection& c, const nlohmann::json& recorded);

// The operator as configured now, for a document that recorded none.
RecordedIssuer current_issuer(const OperatorProfile& profile);

} // namespace isp::services
