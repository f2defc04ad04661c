// Posting payments (process map P14): a payment against one invoice, and the operator's
// "approve paid" shortcut that settles the whole outstanding. Both run inside the
// caller's write transaction (the idempotency guard's), which is also where the
// outstanding amount is read: two concurrent payments are serialised by the single
// writer, so the second sees the first and cannot over-pay. The payment, the invoice's
// paid amount and status, and the closing of its collection case commit together.
#pragma once
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "shared/collections/payment.h"
#include "shared/collections/payment_record.h"
#include "shared/domain/date.h"
#include "shared/domain/money.h"

namespace isp {
class Clock;
namespace store {
class Connection;
}
} // namespace isp

namespace isp::services {

inline constexpr std::size_t max_payment_reference_chars = 100;
// What approve-paid records when the body names no method.
inline constexpr PaymentMethod default_approval_method = PaymentMethod::BankTransfer;

struct PaymentCommand {
    std::string invoice_id;
    Money amount;
    PaymentMethod method = PaymentMethod::Cash;
    std::string reference;
    Date received_on;
};
// A POST /collections/payments body. received_on defaults to `today` and cannot be
// after it. Throws services::Failure (Invalid) `validation_failed` listing every wrong field.
PaymentCommand payment_from_body(const nlohmann::json& body, const Date& today);

struct ApprovalCommand {
    PaymentMethod method = default_approval_method;
    std::string reference;
    Date received_on;
};
// An approve-paid body: every field optional. Same validation as payments.
ApprovalCommand approval_from_body(const nlohmann::json& body, const Date& today);

struct PostedPayment {
    std::optional<PaymentRecord> payment;      // none: approve-paid on an invoice already paid
    InvoiceBalance invoice;                    // after the payment
    std::optional<std::string> closed_case_id; // the collection case this payment closed
};

// Throws services::Failure: 404 invoice_not_found, 409 invoice_already_paid, 422
// currency_mismatch, 422 amount_exceeds_outstanding (the detail gives the outstanding).
PostedPayment post_payment(store::Connection& c, const Clock& clock, const PaymentCommand& command,
                           const std::string& actor);
// Pays the whole outstanding; on an invoice already paid, records nothing and answers
// its paid state. 404 invoice_not_found.
PostedPayment approve_paid(store::Connection& c, const Clock& clock, const std::string& invoice_id,
                           const ApprovalCommand& command, const std::string& actor);

nlohmann::json to_json(const PaymentRecord& payment);
// {payment, invoice, invoice_status, outstanding, allocation, closed_case_id}
nlohmann::json to_json(const PostedPayment& posted);

} // namespace isp::services
