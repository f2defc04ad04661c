// Wire format of GET /api/v1/landing/clients/{cin}/subscriptions: a verified client's
// live contracts, each with the offers it may move to as the server judged them.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "shared/billing/early_termination.h"
#include "shared/domain/contract.h"
#include "shared/domain/offer.h"
#include "shared/domain/scheduled_change.h"

namespace isp::wire {

// An offer a subscription may move to.
struct EligibleOffer {
    Offer offer;
    std::string direction; // "upgrade" or "downgrade"
    Money monthly_difference;
    bool operator==(const EligibleOffer&) const = default;
};

// One contract (offer_id, subscriber, start date, commitment, status, version) with its offer.
struct Subscription {
    Contract contract;
    Offer offer;
    Money monthly_price;
    Money monthly_price_with_tax;
    std::string commitment_end; // ISO date, "" without commitment
    std::vector<EligibleOffer> eligible_offers;
    // Changes waiting for their date (issue #15), by date; `cancellable` ones the customer
    // asked for and may take back from the portal.
    std::vector<ScheduledChange> scheduled_changes;
    std::vector<bool> cancellable; // one per scheduled change
    // The next invoice of this contract as the billing run would compute it now
    // (shared/billing/proration.h, pending changes included): its month and total with tax;
    // empty period when nothing would be billed.
    std::string next_invoice_period; // "2026-12"
    Money next_invoice_estimate;
    bool operator==(const Subscription&) const = default;
};

struct Subscriptions {
    std::string client_id;
    std::string first_name;
    std::vector<Subscription> subscriptions;
    // The operator's early termination rule, so the portal shows the amount a cancellation
    // costs with the server's own function (shared/billing/early_termination.h).
    EarlyTerminationRule early_termination_rule;
    // What the customer owes on their invoices (total - paid), and the part past its due date.
    Money balance_due;
    Money balance_past_due;
    bool operator==(const Subscriptions&) const = default;
};

// A contract as the portal shows it: its prices and the catalog offers it may move to
// (shared/billing/plan_change.h decides which).
Subscription subscription(const Contract& contract, const Offer& offer, const std::vector<Offer>& catalog);

nlohmann::json to_json(const Subscription& subscription);
// With "scheduled_changes": each change as shared/wire/scheduled_change_json.h writes it,
// plus "cancellable".
nlohmann::json to_json(const Subscriptions& subscriptions); // with "total" and "early_termination_rule"
// Throw nlohmann::json::exception on a bad shape.
Subscription subscription_from_json(const nlohmann::json& j);
Subscriptions subscriptions_from_json(const nlohmann::json& j);

} // namespace isp::wire
