// What staff ask of contracts (process map P4-P6): a contract to open (the provisioning
// path or the manual one) and a move to another status. Read from request bodies by
// shared/wire/contract_request_json.h; the rules that need the database (known client
// and offer, free subscriber, allowed transition) are the server's.
#pragma once
#include <cstddef>
#include <optional>
#include <string>

#include "shared/domain/contract.h"

namespace isp {

inline constexpr std::size_t max_status_reason_chars = 500;

struct StatusChangeRequest {
    ContractStatus status = ContractStatus::Active;
    std::optional<Date> effective_date; // absent: today
    std::string reason;                 // free text for the audit trail, may be empty
    bool operator==(const StatusChangeRequest&) const = default;
};

struct ContractOrder {
    std::string client_id;
    std::string offer_id;
    std::string service_identifier;       // as typed; normalised for the offer's family
    std::string contract_start_date;      // as typed, "YYYY-MM-DD"
    std::optional<int> commitment_months; // absent: the offer's own commitment
    ContractStatus status = ContractStatus::Active;
    bool manual = false; // POST /contracts: status may be suspended, the offer may be inactive
    bool operator==(const ContractOrder&) const = default;
};

} // namespace isp
