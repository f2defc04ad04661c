// Payments in the database, and the settlement columns of the invoice they pay
// (invoices.paid_minor and status). Invoices themselves are created by billing runs
// (invoice_store); this file only reads their balance and moves what a payment moves.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/collections/payment.h"
#include "shared/collections/payment_record.h"
#include "shared/domain/date.h"
#include "shared/domain/money.h"

namespace isp::store {

class Connection;

std::optional<InvoiceBalance> find_invoice_balance(Connection& c, std::string_view invoice_id);
// The contract an invoice bills ("" when there is no such invoice).
std::string invoice_contract_id(Connection& c, std::string_view invoice_id);
void update_invoice_settlement(Connection& c, std::string_view invoice_id, std::int64_t paid_minor,
                               InvoiceSettlement settlement, const std::string& now);

void insert_payment(Connection& c, const PaymentRecord& payment);

std::int64_t count_payments(Connection& c, const PaymentFilter& filter);
// Newest first (the order they were recorded in, reversed).
std::vector<PaymentRecord> list_payments(Connection& c, const PaymentFilter& filter, std::int64_t limit,
                                         std::int64_t offset);

} // namespace isp::store
