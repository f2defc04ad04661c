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
#include "shared/domain/date.h"
#include "shared/domain/money.h"

namespace isp::store {

class Connection;

// What a payment needs to know about its invoice.
struct InvoiceBalance {
    std::string invoice_id;
    std::string invoice_number;
    std::string client_id;
    std::string currency;
    std::int64_t total_minor = 0;
    std::int64_t paid_minor = 0;
    std::string status; // open, partially_paid, paid
    std::string due_date;
    std::int64_t outstanding_minor() const { return total_minor - paid_minor; }
};
std::optional<InvoiceBalance> find_invoice_balance(Connection& c, std::string_view invoice_id);
void update_invoice_settlement(Connection& c, std::string_view invoice_id, std::int64_t paid_minor,
                               InvoiceSettlement settlement, const std::string& now);

struct PaymentRecord {
    std::string payment_id;
    std::string invoice_id;
    std::string invoice_number; // read only (joined from invoices)
    std::string client_id;
    Money amount;
    PaymentMethod method = PaymentMethod::Cash;
    std::string reference;
    Allocation allocation = Allocation::Partial;
    std::string received_on; // ISO date
    std::string actor;
    std::string created_at;
};
void insert_payment(Connection& c, const PaymentRecord& payment);

struct PaymentFilter {
    std::optional<std::string> invoice_id;
    std::optional<std::string> client_id;
    std::optional<PaymentMethod> method;
    std::optional<Date> received_from; // inclusive
    std::optional<Date> received_to;   // inclusive
};
std::int64_t count_payments(Connection& c, const PaymentFilter& filter);
// Newest first (the order they were recorded in, reversed).
std::vector<PaymentRecord> list_payments(Connection& c, const PaymentFilter& filter, std::int64_t limit,
                                         std::int64_t offset);

} // namespace isp::store
