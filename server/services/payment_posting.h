// Posting payments (process map P14): a payment against one invoice, and the operator's
// "approve paid" shortcut that settles the whole outstanding. Both run inside the
// caller's write transaction (the idempotency guard's), which is also where the
// outstanding amount is read: two concurrent payments are serialised by the single
// writer, so the second sees the first and cannot over-pay. The payment, the invoice's
// paid amount and status, the closing of its collection case and, when the payment clears
// the debt a contract was suspended for, its resume (services/dunning.h) commit together.
#pragma once
#include <optional>
#include <string>

#include "shared/collections/dunning_policy.h"
#include "shared/collections/payment.h"
#include "shared/collections/payment_record.h"
#include "shared/collections/payment_requests.h"
#include "shared/domain/date.h"
#include "shared/domain/money.h"

namespace isp {
class Clock;
namespace store {
class Connection;
}
} // namespace isp

namespace isp::services {

// Throws services::Failure: 404 invoice_not_found, 409 invoice_already_paid, 422
// currency_mismatch, 422 amount_exceeds_outstanding (the detail gives the outstanding).
PostedPayment post_payment(store::Connection& c, const Clock& clock, const DunningPolicy& dunning,
                           const PaymentCommand& command, const std::string& actor);
// Pays the whole outstanding; on an invoice already paid, records nothing and answers
// its paid state. 404 invoice_not_found.
PostedPayment approve_paid(store::Connection& c, const Clock& clock, const DunningPolicy& dunning,
                           const std::string& invoice_id, const ApprovalCommand& command, const std::string& actor);

} // namespace isp::services
