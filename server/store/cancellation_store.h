// SQL of cancellations (migration 15): a customer's cancellation and its early termination
// amount, until the billing run that invoices it.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "shared/domain/cancellation.h"
#include "shared/domain/date.h"

namespace isp::store {
class Connection;

void insert_cancellation(Connection& c, const Cancellation& cancellation);
// The cancellation a scheduled termination carries, withdrawn with it; false when none.
bool withdraw_cancellation(Connection& c, std::string_view change_id);
// Cancellations with an amount to invoice whose termination date falls in [first, last]
// and that no invoice holds yet, by contract.
std::unordered_map<std::string, Cancellation> cancellations_to_invoice(Connection& c, const Date& first,
                                                                       const Date& last);
// The invoice now holds the cancellation's amount.
void mark_cancellation_invoiced(Connection& c, std::string_view cancellation_id, std::string_view invoice_id);

} // namespace isp::store
