// What happened to a contract over time: which offer and which status it had from which
// day (billing prorates and bills only active days from these), and its audit trail of
// every change, whoever made it.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "shared/domain/contract.h"
#include "shared/domain/date.h"

namespace isp {

struct OfferPeriod {
    std::string offer_id;
    Date effective_from;
};

struct StatusPeriod {
    ContractStatus status = ContractStatus::Active;
    Date effective_from;
};

struct AuditEntry {
    std::string contract_id;
    std::string at;
    std::string actor;                 // "landing" for self-service, the staff member's id otherwise
    std::string action;                // "created", "offer_changed", "status_changed", ...
    std::optional<std::string> before; // JSON
    std::optional<std::string> after;  // JSON
};

struct AuditRecord {
    std::int64_t audit_id = 0;
    AuditEntry entry;
};

} // namespace isp
