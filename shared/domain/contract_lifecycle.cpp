#include "shared/domain/contract_lifecycle.h"

namespace isp {

bool status_transition_allowed(ContractStatus from, ContractStatus to) {
    switch (from) {
    case ContractStatus::Active: return to == ContractStatus::Suspended || to == ContractStatus::Terminated;
    case ContractStatus::Suspended: return to == ContractStatus::Active || to == ContractStatus::Terminated;
    case ContractStatus::Terminated: return false;
    }
    return false;
}

} // namespace isp
