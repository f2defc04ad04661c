// The "Record a payment" form, used from an invoice's detail (billing) and from the
// payments screen: the invoice it is for, the amount (the outstanding prefilled; "123,45" or
// "123.45"), the method, a reference and the date received. POST /collections/payments
// with an Idempotency-Key kept across retries (a payment is never recorded twice); the
// server's rules (never more than the outstanding, not after today) are checked as typed
// with shared/collections' own rule, and the server checks them again.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "console/app/console_context.h"
#include "console/app/notice.h"
#include "console/app/write_attempt.h"
#include "shared/collections/payment_requests.h"
#include "shared/domain/field_error.h"
#include "shared/domain/invoice.h"

namespace isp::console {

class PaymentForm {
public:
    // `show` puts a notice above the section; `recorded` runs once the server took the payment.
    PaymentForm(ConsoleContext& context, std::function<void(Notice)> show,
                std::function<void(const PostedPayment&)> recorded)
        : ctx_(context), show_(std::move(show)), recorded_(std::move(recorded)) {}

    // Opens the form for `invoice`: its outstanding amount prefilled, cash, received today.
    void open_for(const Invoice& invoice);
    // Opens the form with no invoice yet: the person types its id, then look_up().
    void open_blank();
    // Loads the invoice typed in `invoice_id` (GET /invoices/{id}), then as open_for.
    void look_up();
    void submit();
    void cancel();

    bool is_open() const { return open_; }
    // Whether an invoice is loaded (the amount, method... fields are shown).
    bool has_invoice() const { return invoice_.has_value(); }
    const std::optional<Invoice>& invoice() const { return invoice_; }
    std::string_view busy() const { return busy_; }
    const FieldErrors& errors() const { return errors_; }
    // The problem of `field` ("" when none): checked as typed for the amount.
    std::string error(std::string_view field) const;
    // The amount's problem as typed ("" when fine or empty).
    std::string amount_problem() const;
    // section["payment_form"]: open, its invoice, the outstanding; state["form"]: the fields.
    void describe(nlohmann::json& section, nlohmann::json& state) const;

    // --- typed by the person -------------------------------------------------------------
    std::string invoice_id;
    std::string amount;          // "123,45"
    std::string method = "cash"; // PaymentMethod's wire name
    std::string reference;
    std::string received_on; // YYYY-MM-DD; "" = today (the server's)

private:
    std::optional<nlohmann::json> body(); // the POST body, or nullopt with errors_ set

    ConsoleContext& ctx_;
    std::function<void(Notice)> show_;
    std::function<void(const PostedPayment&)> recorded_;
    bool open_ = false;
    std::optional<Invoice> invoice_;
    std::string_view busy_;
    FieldErrors errors_;
    WriteAttempt attempt_;
};

} // namespace isp::console
