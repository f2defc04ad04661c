// What staff ask to post against an invoice (process map P14): a payment, or the "approve
// paid" shortcut that settles the whole outstanding; and what a posting did.
#pragma once
#include <cstddef>
#include <optional>
#include <string>

#include "shared/collections/payment.h"
#include "shared/collections/payment_record.h"
#include "shared/domain/date.h"
#include "shared/domain/money.h"

namespace isp {

inline constexpr std::size_t max_payment_reference_chars = 100;
// What approve-paid records when the body names no method.
inline constexpr PaymentMethod default_approval_method = PaymentMethod::BankTransfer;

struct PaymentCommand {
    std::string invoice_id;
    Money amount;
    PaymentMethod method = PaymentMethod::Cash;
    std::string reference;
    Date received_on;
    bool operator==(const PaymentCommand&) const = default;
};

struct ApprovalCommand {
    PaymentMethod method = default_approval_method;
    std::string reference;
    Date received_on;
    bool operator==(const ApprovalCommand&) const = default;
};

struct PostedPayment {
    std::optional<PaymentRecord> payment;      // none: approve-paid on an invoice already paid
    InvoiceBalance invoice;                    // after the payment
    std::optional<std::string> closed_case_id; // the collection case this payment closed
};

} // namespace isp
