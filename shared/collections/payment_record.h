// A payment as recorded against its invoice, the invoice's balance a payment reads and
// moves, and which payments a list shows. The store reads them, the payment services
// answer them, the wire writes them.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "shared/collections/payment.h"
#include "shared/domain/date.h"
#include "shared/domain/money.h"

namespace isp {

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

// Which payments a list shows; an absent field does not filter.
struct PaymentFilter {
    std::optional<std::string> invoice_id;
    std::optional<std::string> client_id;
    std::optional<PaymentMethod> method;
    std::optional<Date> received_from; // inclusive
    std::optional<Date> received_to;   // inclusive
};

} // namespace isp
