// The "Record a payment" dialog (app/payment_form.h), drawn over the invoice's detail and
// over the payments list alike. Probe ids: "field:invoice_id", "button:look_up_invoice",
// "field:amount", "choice:method:<method>", "field:reference", "field:received_on",
// "button:save_payment", "button:cancel".
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "console/app/notice.h"
#include "console/app/payment_form.h"

namespace isp::console {

// Call every frame; draws nothing while the form is closed. `notice` is the section's (a
// failure of the payment is shown inside the dialog, with its retry).
void draw_payment_form(PaymentForm& form, const std::optional<Notice>& notice, Language language,
                       const std::function<void()>& dismiss);

// "Espèces", "Bank transfer", ...: a payment method's name for people.
std::string_view payment_method_label(std::string_view method, Language language);

} // namespace isp::console
