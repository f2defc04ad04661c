#include "console/screens/payment_form_view.h"

#include <vector>

#include "console/i18n/console_text.h"
#include "console/screens/notice_banner.h"
#include "console/ui/dialog.h"
#include "console/ui/form_field.h"
#include "imgui.h"
#include "shared/collections/payment.h"
#include "webapp/ui/theme.h"
#include "webapp/ui/widgets.h"

namespace isp::console {

namespace wui = webapp::ui;

namespace {

using T = webapp::Translation;

constexpr T title{"Enregistrer un paiement", "Record a payment"};
constexpr T invoice_id_label{"Identifiant de la facture", "Invoice id"};
constexpr T look_up{"Chercher la facture", "Find the invoice"};
constexpr T invoice_label{"Facture {}", "Invoice {}"};
constexpr T outstanding_label{"Reste \u00e0 payer : {}", "Outstanding: {}"};
constexpr T amount_label{"Montant", "Amount"};
constexpr T amount_hint{"Par exemple 123,45 ou 123.45", "For example 123,45 or 123.45"};
constexpr T method_label{"Moyen de paiement", "Method"};
constexpr T reference_label{"R\u00e9f\u00e9rence (facultative)", "Reference (optional)"};
constexpr T received_label{"Re\u00e7u le", "Received on"};
constexpr T received_hint{"AAAA-MM-JJ ; vide : aujourd'hui", "YYYY-MM-DD; empty: today"};
constexpr T record{"Enregistrer le paiement", "Record the payment"};

} // namespace

std::string_view payment_method_label(std::string_view method, Language l) {
    if (method == "cash")
        return tr(T{"Esp\u00e8ces", "Cash"}, l);
    if (method == "card")
        return tr(T{"Carte", "Card"}, l);
    if (method == "bank_transfer")
        return tr(T{"Virement", "Bank transfer"}, l);
    if (method == "cheque")
        return tr(T{"Ch\u00e8que", "Cheque"}, l);
    if (method == "direct_debit")
        return tr(T{"Pr\u00e9l\u00e8vement", "Direct debit"}, l);
    if (method == "mobile_money")
        return tr(T{"Paiement mobile", "Mobile money"}, l);
    return method;
}

void draw_payment_form(PaymentForm& form, const std::optional<Notice>& notice, Language l,
                       const std::function<void()>& dismiss) {
    bool open = form.is_open();
    if (!ui::begin_dialog("payment_form", tr(title, l), open)) {
        if (!open && form.is_open())
            form.cancel();
        return;
    }
    if (!open)
        form.cancel(); // Esc
    const bool idle = form.busy().empty();
    if (notice && notice->kind == Notice::Kind::Error)
        draw_notice(notice, l, dismiss);
    if (!form.has_invoice()) {
        const auto id = ui::field("invoice_id", tr(invoice_id_label, l), form.invoice_id,
                                  {.hint = {},
                                   .error = form.error("invoice_id"),
                                   .enabled = idle,
                                   .password = false,
                                   .focus = ImGui::IsWindowAppearing()});
        if (!idle)
            wui::progress(text(Text::Loading, l));
        else if (wui::primary_button(tr(look_up, l), "button:look_up_invoice") || id.submitted)
            form.look_up();
    } else {
        const Invoice& invoice = *form.invoice();
        wui::bold_text(webapp::with_value(tr(invoice_label, l), invoice.invoice_number));
        wui::muted_text(webapp::with_value(tr(outstanding_label, l),
                                           format_money({outstanding_minor(invoice), invoice.currency}, l)));
        wui::gap(8.0f);
        const std::string amount_error = form.error("amount");
        ui::field("amount", tr(amount_label, l), form.amount,
                  {.hint = tr(amount_hint, l),
                   .error = amount_error,
                   .enabled = idle,
                   .password = false,
                   .focus = ImGui::IsWindowAppearing()});
        std::vector<std::string> methods;
        std::vector<std::string> labels;
        for (const PaymentMethod m : all_payment_methods) {
            methods.emplace_back(to_string(m));
            labels.emplace_back(payment_method_label(to_string(m), l));
        }
        // Six buttons do not fit a tablet's dialog on one line: two rows of three.
        ImGui::BeginDisabled(!idle);
        wui::bold_text(tr(method_label, l), wui::small_font_size);
        ui::choice("method", "", form.method, {methods.begin(), methods.begin() + 3},
                   {labels.begin(), labels.begin() + 3});
        ui::choice("method", "", form.method, {methods.begin() + 3, methods.end()}, {labels.begin() + 3, labels.end()});
        ImGui::EndDisabled();
        ui::field("reference", tr(reference_label, l), form.reference,
                  {.hint = {}, .error = form.error("reference"), .enabled = idle});
        const auto received =
            ui::field("received_on", tr(received_label, l), form.received_on,
                      {.hint = tr(received_hint, l), .error = form.error("received_on"), .enabled = idle});
        wui::gap(6.0f);
        if (!idle) {
            wui::progress(text(Text::Saving, l));
        } else if (wui::primary_button(tr(record, l), "button:save_payment") || received.submitted) {
            form.submit();
        }
    }
    if (idle) {
        ImGui::SameLine();
        if (wui::secondary_button(text(Text::Cancel, l), "button:cancel"))
            form.cancel();
    }
    ui::end_dialog();
}

} // namespace isp::console
