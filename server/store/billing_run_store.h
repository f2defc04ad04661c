// Billing runs in the database, and the one ordered pass over contracts a run bills
// from (SQL only; the rules are in shared/billing/proration and services/billing_run).
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "shared/billing/billing_run_summary.h"
#include "shared/billing/proration.h"
#include "shared/domain/invoice.h"

namespace isp::store {

class Connection;

struct BillingRunRecord {
    std::string billing_run_id;
    std::string period; // "2026-03"
    std::string actor;
    std::string started_at;
    std::string completed_at;
    std::int64_t invoice_count = 0;
    std::string currency;
    std::int64_t subtotal_minor = 0;
    std::int64_t tax_minor = 0;
    std::int64_t total_minor = 0;
    std::string issuer_snapshot; // JSON (services/document_issuer.h); printed on the run's invoices
};
void insert_billing_run(Connection& c, const BillingRunRecord& run);
// Counts, totals and completion time once the run's invoices are written.
void update_billing_run_totals(Connection& c, const BillingRunRecord& run);

// The issuer a run recorded for its invoices (JSON); nullopt for an unknown run or none.
std::optional<std::string> find_billing_run_issuer(Connection& c, std::string_view billing_run_id);

// Runs as staff list them, newest first (started_at, then the order they were written).
std::int64_t count_billing_runs(Connection& c);
std::vector<BillingRunSummary> list_billing_runs_page(Connection& c, std::int64_t limit, std::int64_t offset);

std::int64_t count_contracts(Connection& c);

// Contracts that already have an invoice for the period.
std::unordered_set<std::string> contracts_billed_for_period(Connection& c, std::string_view period);

// A contract with everything its bill needs: client as it is now, offer and status
// history up to the end of the period.
struct BillingCandidate {
    std::string contract_id;
    std::string client_id;
    std::string service_identifier;
    InvoiceClient client;
    std::vector<OfferChange> offers;    // by date
    std::vector<StatusChange> statuses; // by date
};
// Calls `visit` for every contract, in contract_id order, with its history up to
// `last_day`: three ordered reads merged in one pass (no query per contract). `visit`
// may write to invoice tables on the same connection.
void for_each_contract_to_bill(Connection& c, const Date& last_day,
                               const std::function<void(const BillingCandidate&)>& visit);

} // namespace isp::store
