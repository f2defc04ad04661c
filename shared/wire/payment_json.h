// Wire format of payments (process map P14, staff API): the payment and approve-paid
// bodies, a recorded payment, and the answer of a posting.
#pragma once
#include <nlohmann/json.hpp>

#include "shared/collections/payment_record.h"
#include "shared/collections/payment_requests.h"
#include "shared/domain/date.h"
#include "shared/domain/field_error.h"

namespace isp::wire {

// A POST /collections/payments body. received_on defaults to `today` and cannot be after
// it. Each wrong field is added to `errors`.
nlohmann::json to_json(const PaymentCommand& command);
PaymentCommand payment_command_from_json(const nlohmann::json& body, const Date& today, FieldErrors& errors);

// An approve-paid body: every field optional, same rules as payments.
nlohmann::json to_json(const ApprovalCommand& command);
ApprovalCommand approval_command_from_json(const nlohmann::json& body, const Date& today, FieldErrors& errors);

nlohmann::json to_json(const PaymentRecord& payment);
PaymentRecord payment_record_from_json(const nlohmann::json& j); // throws nlohmann::json::exception on bad shape

// {payment, invoice, invoice_status, outstanding, allocation, closed_case_id}
nlohmann::json to_json(const PostedPayment& posted);
// The answer of a posting as to_json writes it (the console reads the invoice after the
// payment from it). Throws nlohmann::json::exception on a bad shape.
PostedPayment posted_payment_from_json(const nlohmann::json& j);

} // namespace isp::wire
