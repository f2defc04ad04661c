// A contract binds a client to an offer for one subscriber (the service identifier:
// a mobile number, a line number) from its start date, with an optional commitment.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "shared/domain/date.h"

namespace isp {

enum class ContractStatus { Active, Suspended, Terminated };

std::string_view to_string(ContractStatus status);
std::optional<ContractStatus> parse_contract_status(std::string_view text);

struct Contract {
    std::string contract_id;
    std::string contract_number; // human reference printed on documents, "CTR-2026-000001"
    std::string client_id;
    std::string offer_id;
    std::string service_identifier; // the subscriber
    Date contract_start_date;
    int commitment_months = 0;
    ContractStatus status = ContractStatus::Active;
    int document_version = 1; // a plan change produces version 2, 3, ...
    std::string created_at;
    bool operator==(const Contract&) const = default;
};

// Last day of the commitment, or nullopt when there is none.
std::optional<Date> commitment_end(const Date& start, int commitment_months);

} // namespace isp
