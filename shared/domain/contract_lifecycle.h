// Which status a contract may move to (process map P6): active <-> suspended, and active or
// suspended -> terminated. Terminated is final (the subscriber is free for a new
// contract), and "moving" to the status it already has is refused too, so a repeated
// click does not write a second history entry.
#pragma once
#include "shared/domain/contract.h"

namespace isp {

bool status_transition_allowed(ContractStatus from, ContractStatus to);

} // namespace isp
