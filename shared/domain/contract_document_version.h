// One version of a contract's document (issue #3: a signed contract is a record; a plan
// change issues a new version and earlier ones stay retrievable).
#pragma once
#include <string>

namespace isp {

struct DocumentVersion {
    int version = 1;
    std::string produced_on; // ISO date printed on the document
    bool current = false;    // the contract's latest version
    bool operator==(const DocumentVersion&) const = default;
};

} // namespace isp
