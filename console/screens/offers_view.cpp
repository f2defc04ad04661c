// The offers screen: draws console/app/offers.h's state. The catalog by family (inactive offers
// marked), the offer form in a dialog (each rule's error beside its field, as typed), and the
// delete dialog that says why an offer in use stays and offers to deactivate it instead.
#include <string>
#include <vector>

#include "console/app/offers.h"
#include "console/screens/notice_banner.h"
#include "console/screens/view.h"
#include "console/ui/dialog.h"
#include "console/ui/form_field.h"
#include "console/ui/table.h"
#include "imgui.h"
#include "webapp/ui/theme.h"
#include "webapp/ui/widgets.h"

namespace isp::console {
namespace {

namespace wui = webapp::ui;
using T = webapp::Translation;

constexpr T new_offer{"Nouvelle offre", "New offer"};
constexpr T edit_offer{"Modifier l\u2019offre", "Edit the offer"};
constexpr T name_words{"Nom", "Name"};
constexpr T description_words{"Description", "Description"};
constexpr T price_words{"Prix mensuel HT", "Monthly price before tax"};
constexpr T price_hint{"En unit\u00e9s (ex. : 299,00).", "In major units (e.g. 299.00)."};
constexpr T currency_words{"Devise", "Currency"};
constexpr T tax_words{"TVA (%)", "VAT (%)"};
constexpr T commitment_words{"Engagement (mois)", "Commitment (months)"};
constexpr T family_words{"Famille", "Family"};
constexpr T with_tax_words{"TTC", "With tax"};
constexpr T state_words{"\u00c9tat", "State"};
constexpr T on_sale{"En vente", "On sale"};
constexpr T withdrawn{"Retir\u00e9e", "Withdrawn"};
constexpr T sold_words{"En vente", "On sale"};
constexpr T edit_words{"Modifier", "Edit"};
constexpr T deactivate_words{"Retirer", "Withdraw"};
constexpr T activate_words{"Remettre en vente", "Put on sale"};
constexpr T delete_words{"Supprimer", "Delete"};
constexpr T delete_title{"Supprimer l\u2019offre", "Delete the offer"};
constexpr T delete_question{"Supprimer \u00ab {} \u00bb ? Une offre jamais souscrite dispara\u00eet du catalogue.",
                            "Delete \u201c{}\u201d? An offer no contract ever used leaves the catalog."};
constexpr T delete_refused{"Le serveur refuse :", "The server refuses:"};
constexpr T deactivate_instead{"La retirer de la vente", "Withdraw it from sale instead"};
constexpr T yes_no_active{"Oui", "Yes"};
constexpr T yes_no_inactive{"Non", "No"};

const std::vector<std::string> family_values = {"mobile", "internet", "landline"};
const std::vector<std::string> commitments = {"0", "12", "24"};

class OffersView : public View {
public:
    explicit OffersView(ConsoleApp& app) : View(app), section_(static_cast<Offers&>(*app.find("offers"))) {}

    std::string_view section() const override { return "offers"; }
    Text label() const override { return Text::NavOffers; }
    void draw(bool entered) override {
        (void)entered;
        wui::heading(tr(label()), wui::title_font_size);
        const bool idle = section_.busy().empty();
        if (section_.may_write() && wui::primary_button(tr(new_offer), "button:new_offer", idle))
            section_.start_create();
        wui::gap(8.0f);
        std::string edit, remove, toggle;
        bool toggle_to = false;
        for (ServiceFamily family : all_service_families) {
            wui::bold_text(family_label(family, lang()), wui::large_font_size);
            const std::string table_id = "offers_" + std::string{to_string(family)};
            // A row's buttons: in a column of their own, or under the offer's name on a narrow screen.
            // On a narrow screen the price with tax goes under the price, and a row's buttons under
            // the offer's name; on a wide one each has a column.
            const bool narrow = ui::narrow_content();
            const bool buttons_column = section_.may_write() && !narrow;
            if (!ui::begin_table(table_id, 3 + (narrow ? 0 : 1) + (buttons_column ? 1 : 0), false))
                continue;
            constexpr ImGuiTableColumnFlags fit = ImGuiTableColumnFlags_WidthFixed;
            ImGui::TableSetupColumn(std::string{tr(name_words)}.c_str(), ImGuiTableColumnFlags_WidthStretch);
            ImGui::TableSetupColumn(std::string{tr(price_words)}.c_str(), fit);
            if (!narrow)
                ImGui::TableSetupColumn(std::string{tr(with_tax_words)}.c_str(), fit);
            ImGui::TableSetupColumn(std::string{tr(state_words)}.c_str(), fit);
            if (buttons_column)
                ImGui::TableSetupColumn("##actions", fit);
            ImGui::TableHeadersRow();
            for (const Offer& o : section_.offers()) {
                if (o.family != family)
                    continue;
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::PushID(o.offer_id.c_str());
                auto buttons = [&] {
                    if (wui::secondary_button(tr(edit_words), "button:edit:" + o.offer_id, idle))
                        edit = o.offer_id;
                    wui::next_in_row(tr(o.active ? deactivate_words : activate_words));
                    if (wui::secondary_button(
                            tr(o.active ? deactivate_words : activate_words),
                            "button:" + std::string{o.active ? "deactivate:" : "activate:"} + o.offer_id, idle)) {
                        toggle = o.offer_id;
                        toggle_to = !o.active;
                    }
                    wui::next_in_row(tr(delete_words));
                    if (wui::secondary_button(tr(delete_words), "button:delete:" + o.offer_id, idle))
                        remove = o.offer_id;
                };
                if (section_.may_write()) {
                    if (ui::row_opener(o.name, o.offer_id))
                        edit = o.offer_id;
                    if (!buttons_column)
                        buttons();
                } else {
                    wui::text(o.name);
                }
                ImGui::TableNextColumn();
                ui::cell(format_money(o.monthly_price, lang()));
                if (narrow)
                    ui::cell(format_money(price_with_tax(o), lang()) + " " + std::string{tr(with_tax_words)}, true);
                else if (ImGui::TableNextColumn())
                    ui::cell(format_money(price_with_tax(o), lang()));
                ImGui::TableNextColumn();
                ui::cell(tr(o.active ? on_sale : withdrawn), !o.active);
                if (buttons_column) {
                    ImGui::TableNextColumn();
                    buttons();
                }
                ImGui::PopID();
            }
            ui::end_table();
            wui::gap(10.0f);
        }
        // After the tables: each command may change the list they draw.
        if (!edit.empty())
            section_.start_edit(edit);
        if (!toggle.empty())
            section_.set_active(toggle, toggle_to);
        if (!remove.empty())
            section_.ask_delete(remove);
        draw_form();
        draw_delete();
    }

private:
    void draw_form() {
        const std::string_view title = section_.editing().empty() ? tr(new_offer) : tr(edit_offer);
        if (!ui::begin_dialog("offer_form", title, section_.form_open))
            return;
        if (section_.notice() && section_.notice()->kind == Notice::Kind::Error)
            draw_notice(section_.notice(), lang(), nullptr);
        const bool idle = section_.busy().empty();
        OfferForm& f = section_.form;
        std::vector<std::string> families;
        for (ServiceFamily family : all_service_families)
            families.push_back(std::string{family_label(family, lang())});
        ui::choice("family", tr(family_words), f.family, family_values, families);
        ui::field("name", tr(name_words), f.name,
                  {.error = section_.error_of("name"), .enabled = idle, .focus = ImGui::IsWindowAppearing()});
        ui::field("description", tr(description_words), f.description,
                  {.error = section_.error_of("description"), .enabled = idle});
        // The price's rule is checked as typed: the error shows before anything is sent.
        std::string price_error = section_.error_of("monthly_price.amount_minor");
        if (price_error.empty() && !f.monthly_price.empty() && !parse_amount_minor(f.monthly_price)) {
            FieldErrors typed;
            f.offer(typed, lang());
            for (const FieldError& e : typed)
                if (e.field == "monthly_price.amount_minor")
                    price_error = e.message;
        }
        ui::field("monthly_price", tr(price_words), f.monthly_price,
                  {.hint = tr(price_hint), .error = price_error, .enabled = idle});
        ui::field("currency", tr(currency_words), f.currency,
                  {.error = section_.error_of("monthly_price.currency"), .enabled = idle, .width = 120.0f});
        const bool submitted = ui::field("tax_rate", tr(tax_words), f.tax_rate,
                                         {.error = section_.error_of("tax_rate_bp"), .enabled = idle, .width = 120.0f})
                                   .submitted;
        ui::choice("commitment_months", tr(commitment_words), f.commitment_months, commitments, {"0", "12", "24"});
        const std::string active = f.active ? "yes" : "no";
        std::string picked = active;
        ui::choice("active", tr(sold_words), picked, {"yes", "no"},
                   {std::string{tr(yes_no_active)}, std::string{tr(yes_no_inactive)}});
        f.active = picked == "yes";
        wui::gap(6.0f);
        if (!idle)
            wui::progress(tr(Text::Saving));
        if (wui::primary_button(tr(Text::Save), "button:save_offer", idle) || submitted)
            section_.save();
        ImGui::SameLine();
        if (wui::secondary_button(tr(Text::Cancel), "button:cancel"))
            section_.form_open = false;
        ui::end_dialog();
    }

    void draw_delete() {
        if (!ui::begin_dialog("offer_delete", tr(delete_title), section_.delete_dialog_open))
            return;
        const Offer* offer = section_.find(section_.deleting());
        const bool idle = section_.busy().empty();
        if (offer)
            wui::text(webapp::with_value(tr(delete_question), offer->name));
        wui::gap(6.0f);
        if (!section_.delete_refusal().empty()) {
            // The server's explanation, as it is: contracts use or used the offer.
            wui::bold_text(tr(delete_refused));
            wui::banner(section_.delete_refusal(), wui::Tone::Error, "delete_refusal");
            if (offer && offer->active &&
                wui::primary_button(tr(deactivate_instead), "button:deactivate_instead", idle))
                section_.deactivate_instead();
        } else {
            if (section_.notice() && section_.notice()->kind == Notice::Kind::Error)
                draw_notice(section_.notice(), lang(), nullptr);
            if (!idle)
                wui::progress(tr(Text::Saving));
            if (wui::primary_button(tr(delete_words), "button:confirm_delete", idle))
                section_.confirm_delete();
        }
        ImGui::SameLine();
        if (wui::secondary_button(tr(Text::Cancel), "button:cancel"))
            section_.delete_dialog_open = false;
        ui::end_dialog();
    }

    Offers& section_;
};

const RegisterView<OffersView> registered;

} // namespace
} // namespace isp::console
