// A contract as staff read it (GET /contracts/{id} and the answer of every staff write):
// with its offer (none when the offer is gone), its offer and status histories, and the
// status changes scheduled for later dates.
#pragma once
#include <optional>
#include <vector>

#include "shared/domain/contract.h"
#include "shared/domain/contract_history.h"
#include "shared/domain/offer.h"
#include "shared/domain/scheduled_change.h"

namespace isp {

struct ContractDetail {
    Contract contract;
    std::optional<Offer> offer;
    std::vector<OfferPeriod> offer_periods;         // by date
    std::vector<StatusPeriod> status_periods;       // by date
    std::vector<ScheduledChange> scheduled_changes; // pending ones, by date
};

} // namespace isp
