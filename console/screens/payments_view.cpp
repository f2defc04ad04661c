// The payments screen: draws console/app/payments.h's state: "Record a payment" (for ops
// and admin), the filters, the list a page at a time. Probe ids: "button:new_payment",
// "choice:payment_method:<any|cash|...>", "field:payment_invoice_id", "field:payment_client_id",
// "field:from", "field:to", "button:apply_filters", "button:clear_filters",
// "row:<payment_id>" (opens its invoice), "copy:<invoice number>",
// "button:payments:previous|next", and the payment dialog's (payment_form_view.h).
#include <vector>

#include "console/app/payments.h"
#include "console/screens/payment_form_view.h"
#include "console/screens/view.h"
#include "console/ui/form_field.h"
#include "console/ui/table.h"
#include "imgui.h"
#include "shared/collections/payment.h"
#include "webapp/ui/theme.h"
#include "webapp/ui/widgets.h"

namespace isp::console {
namespace {

namespace wui = webapp::ui;
using T = webapp::Translation;

constexpr T new_payment{"Enregistrer un paiement", "Record a payment"};
constexpr T method_label{"Moyen de paiement", "Method"};
constexpr T any_label{"Tous", "Any"};
constexpr T invoice_label{"Facture (identifiant)", "Invoice (id)"};
constexpr T client_label{"Client (identifiant)", "Customer (id)"};
constexpr T from_label{"Re\u00e7u \u00e0 partir du", "Received from"};
constexpr T to_label{"Re\u00e7u jusqu'au", "Received until"};
constexpr T date_hint{"AAAA-MM-JJ", "YYYY-MM-DD"};
constexpr T apply_label{"Filtrer", "Filter"};
constexpr T clear_label{"Effacer les filtres", "Clear the filters"};
constexpr T received_column{"Re\u00e7u le", "Received"};
constexpr T invoice_column{"Facture", "Invoice"};
constexpr T amount_column{"Montant", "Amount"};
constexpr T method_column{"Moyen", "Method"};
constexpr T reference_column{"R\u00e9f\u00e9rence", "Reference"};
constexpr T allocation_column{"Affectation", "Allocation"};
constexpr T full_label{"Solde", "Settles"};
constexpr T partial_label{"Partiel", "Partial"};

class PaymentsView : public View {
public:
    explicit PaymentsView(ConsoleApp& app) : View(app), section_(static_cast<Payments&>(*app.find("payments"))) {}

    std::string_view section() const override { return "payments"; }
    Text label() const override { return Text::NavPayments; }
    void draw(bool entered) override {
        Payments& s = section_;
        wui::heading(tr(label()), wui::title_font_size);
        if (s.may_write()) {
            if (wui::primary_button(tr(new_payment), "button:new_payment"))
                s.record_payment();
            wui::gap(8.0f);
        }
        if (draw_filters(entered))
            return;
        wui::gap(8.0f);
        draw_list();
        draw_payment_form(s.payment_form(), s.notice(), lang(), [&s] { s.dismiss_notice(); });
    }

private:
    // True when the filters were applied (a new place: draw it next frame).
    bool draw_filters(bool entered) {
        Payments& s = section_;
        PaymentFilters& f = s.filters;
        std::vector<std::string> methods{"any"};
        std::vector<std::string> labels{std::string{tr(any_label)}};
        for (const PaymentMethod m : all_payment_methods) {
            methods.emplace_back(to_string(m));
            labels.emplace_back(payment_method_label(to_string(m), lang()));
        }
        std::string method = f.method.empty() ? "any" : f.method;
        wui::bold_text(tr(method_label), wui::small_font_size);
        // Seven buttons: two rows, so that a tablet's width holds them.
        const bool first = ui::choice("payment_method", "", method, {methods.begin(), methods.begin() + 4},
                                      {labels.begin(), labels.begin() + 4});
        const bool second = ui::choice("payment_method", "", method, {methods.begin() + 4, methods.end()},
                                       {labels.begin() + 4, labels.end()});
        if (first || second) {
            f.method = method == "any" ? "" : method;
            s.apply_filters();
            return true;
        }
        bool submit = false;
        if (ImGui::BeginTable("payment_filters", 4, ImGuiTableFlags_SizingStretchSame)) {
            ImGui::TableNextColumn();
            submit |= ui::field("payment_invoice_id", tr(invoice_label), f.invoice_id,
                                {.hint = {}, .error = {}, .enabled = true, .password = false, .focus = entered})
                          .submitted;
            ImGui::TableNextColumn();
            submit |= ui::field("payment_client_id", tr(client_label), f.client_id).submitted;
            ImGui::TableNextColumn();
            submit |= ui::field("from", tr(from_label), f.from, {.hint = tr(date_hint), .error = {}}).submitted;
            ImGui::TableNextColumn();
            submit |= ui::field("to", tr(to_label), f.to, {.hint = tr(date_hint), .error = {}}).submitted;
            ImGui::EndTable();
        }
        if (wui::secondary_button(tr(apply_label), "button:apply_filters") || submit) {
            s.apply_filters();
            return true;
        }
        if (!(s.applied_filters() == PaymentFilters{})) {
            ImGui::SameLine();
            if (wui::secondary_button(tr(clear_label), "button:clear_filters")) {
                s.clear_filters();
                return true;
            }
        }
        return false;
    }

    void draw_list() {
        Payments& s = section_;
        if (s.payments().empty()) {
            if (s.busy().empty())
                wui::muted_text(tr(Text::NothingFound));
            return;
        }
        // On a narrow screen the method goes under the amount, leaving the reference room.
        const bool with_method = !ui::narrow_content();
        if (ui::begin_table("payments", with_method ? 6 : 5)) {
            constexpr ImGuiTableColumnFlags fit = ImGuiTableColumnFlags_WidthFixed;
            ImGui::TableSetupColumn(tr(received_column).data(), fit);
            ImGui::TableSetupColumn(tr(invoice_column).data(), fit);
            ImGui::TableSetupColumn(tr(amount_column).data(), fit);
            if (with_method)
                ImGui::TableSetupColumn(tr(method_column).data(), fit);
            ImGui::TableSetupColumn(tr(reference_column).data(), ImGuiTableColumnFlags_WidthStretch);
            ImGui::TableSetupColumn(tr(allocation_column).data(), fit | ImGuiTableColumnFlags_NoSort);
            ImGui::TableHeadersRow();
            if (const ui::SortRequest sort = ui::sort_request(); sort.changed)
                s.sort_payments(sort.column >= 3 && !with_method ? sort.column + 1 : sort.column, sort.ascending);
            std::string opened;
            for (const PaymentRecord& p : s.payments()) {
                ImGui::PushID(p.payment_id.c_str()); // an invoice's number may show on several rows
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                if (ui::row_opener(p.received_on, p.payment_id))
                    opened = p.invoice_id;
                ImGui::TableNextColumn();
                ui::copyable(p.invoice_number, tr(Text::Copied));
                ImGui::TableNextColumn();
                ui::cell(format_money(p.amount, lang()));
                const std::string method{payment_method_label(to_string(p.method), lang())};
                if (with_method)
                    ImGui::TableNextColumn();
                ui::cell(method, !with_method);
                ImGui::TableNextColumn();
                wui::muted_text(p.reference);
                ImGui::TableNextColumn();
                ui::cell(tr(p.allocation == Allocation::Full ? full_label : partial_label));
                ImGui::PopID();
            }
            ui::end_table();
            if (!opened.empty()) {
                s.open_invoice(opened);
                return;
            }
        }
        std::int64_t page = s.pagination().page;
        if (ui::pager("payments", s.pagination(), page, tr(Text::PreviousPage), tr(Text::NextPage)))
            s.load(page);
    }

    Payments& section_;
};

const RegisterView<PaymentsView> registered;

} // namespace
} // namespace isp::console
