#include "shared/domain/contract.h"

namespace isp {

std::string_view to_string(ContractStatus status) {
    switch (status) {
    case ContractStatus::Active: return "active";
    case ContractStatus::Suspended: return "suspended";
    case ContractStatus::Terminated: return "terminated";
    }
    return "active";
}

std::optional<ContractStatus> parse_contract_status(std::string_view text) {
    for (auto s : {ContractStatus::Active, ContractStatus::Suspended, ContractStatus::Terminated})
        if (to_string(s) == text)
            return s;
    return std::nullopt;
}

std::optional<Date> commitment_end(const Date& start, int commitment_months) {
    if (commitment_months <= 0)
        return std::nullopt;
    return start.plus_months(commitment_months).plus_days(-1);
}

} // namespace isp
