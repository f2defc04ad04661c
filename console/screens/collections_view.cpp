// The collections screen: draws console/app/collections.h's state. The worklist (the overview
// by age bracket above it, the filters, the cases by days overdue) or one case (its invoice and
// customer a click away, its actions as a timeline, an action to record, the status dialog).
#include <string>
#include <vector>

#include "console/app/collections.h"
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

constexpr T overview_heading{"Vue d\u2019ensemble", "Overview"};
constexpr T outstanding_words{"Restant d\u00fb", "Outstanding"};
constexpr T overdue_words{"En retard", "Overdue"};
constexpr T bracket_words{"Retard", "Days overdue"};
constexpr T amount_words{"Montant", "Amount"};
constexpr T invoices_words{"Factures", "Invoices"};
constexpr T worklist_heading{"Dossiers \u00e0 traiter", "Worklist"};
constexpr T status_words{"Statut", "Status"};
constexpr T any_status{"Tous", "Any"};
constexpr T min_days_words{"Retard minimum (jours)", "Least days overdue"};
constexpr T apply_words{"Filtrer", "Filter"};
constexpr T invoice_words{"Facture", "Invoice"};
constexpr T customer_words{"Client", "Customer"};
constexpr T days_words{"Jours de retard", "Days overdue"};
constexpr T due_words{"\u00c9ch\u00e9ance", "Due date"};
constexpr T worklist_back{"Retour \u00e0 la liste", "Back to the worklist"};
constexpr T case_heading{"Dossier {}", "Case {}"};
constexpr T open_invoice{"Voir la facture", "Open the invoice"};
constexpr T open_customer{"Voir le client", "Open the customer"};
constexpr T invoice_total{"Total de la facture", "Invoice total"};
constexpr T opened_on{"Ouvert le", "Opened on"};
constexpr T closed_words{"Cl\u00f4tur\u00e9 le {}", "Closed on {}"};
constexpr T change_status{"Changer le statut", "Change the status"};
constexpr T record_heading{"Enregistrer une action", "Record an action"};
constexpr T kind_words{"Type", "Kind"};
constexpr T note_words{"Note", "Note"};
constexpr T note_hint{"Ce qui a \u00e9t\u00e9 dit ou convenu (facultatif, sauf pour une note).",
                      "What was said or agreed (optional, but for a note)."};
constexpr T record_words{"Enregistrer l\u2019action", "Record the action"};
constexpr T timeline_heading{"Historique", "Timeline"};
constexpr T no_actions{"Aucune action pour l\u2019instant.", "No action yet."};
constexpr T reason_words{"Motif de cl\u00f4ture", "Reason for closing"};
constexpr T reason_hint{"Ex. : abandon de cr\u00e9ance, litige, confi\u00e9 \u00e0 un cabinet.",
                        "E.g. written off, disputed, handed to an agency."};
constexpr T by_words{"par {}", "by {}"};

const std::vector<std::string> statuses = {"open", "in_progress", "promise_to_pay", "closed"};
const std::vector<std::string> kinds = {"call", "sms", "email", "letter", "note"};

std::string status_label(std::string_view status, Language l) {
    static constexpr T open{"Ouvert", "Open"}, in_progress{"En cours", "In progress"},
        promise{"Promesse de paiement", "Promise to pay"}, closed{"Cl\u00f4tur\u00e9", "Closed"};
    const T& t = status == "open"             ? open
                 : status == "in_progress"    ? in_progress
                 : status == "promise_to_pay" ? promise
                                              : closed;
    return std::string{tr(t, l)};
}

std::string kind_label(std::string_view kind, Language l) {
    static constexpr T call{"Appel", "Call"}, sms{"SMS", "SMS"}, email{"E-mail", "E-mail"},
        letter{"Courrier", "Letter"}, note{"Note", "Note"}, reminder{"Relance", "Reminder"},
        suspension{"Suspension", "Suspension"}, resume{"Reprise", "Resume"};
    const T& t = kind == "call"         ? call
                 : kind == "sms"        ? sms
                 : kind == "email"      ? email
                 : kind == "letter"     ? letter
                 : kind == "reminder"   ? reminder
                 : kind == "suspension" ? suspension
                 : kind == "resume"     ? resume
                                        : note;
    return std::string{tr(t, l)};
}

std::string bracket_label(const AgeingBucket& b, Language l) {
    if (!b.max_days)
        return (l == Language::French ? "Plus de " : "Over ") + std::to_string(b.min_days - 1) +
               (l == Language::French ? " jours" : " days");
    return std::to_string(b.min_days) + "\u2013" + std::to_string(*b.max_days) +
           (l == Language::French ? " jours" : " days");
}

std::string error_of(const FieldErrors& errors, std::string_view field) {
    for (const FieldError& e : errors)
        if (e.field == field)
            return e.message;
    return {};
}

class CollectionsView : public View {
public:
    explicit CollectionsView(ConsoleApp& app)
        : View(app), section_(static_cast<Collections&>(*app.find("collections"))) {}

    std::string_view section() const override { return "collections"; }
    Text label() const override { return Text::NavCollections; }
    void draw(bool entered) override {
        if (app_.place().id.empty())
            draw_worklist(entered);
        else
            draw_case(entered);
    }

private:
    std::vector<std::string> labels(const std::vector<std::string>& values, bool statuses_not_kinds) const {
        std::vector<std::string> out;
        for (const std::string& v : values)
            out.push_back(statuses_not_kinds ? status_label(v, lang()) : kind_label(v, lang()));
        return out;
    }

    void draw_overview() {
        const auto& o = section_.overview();
        if (!o)
            return;
        wui::bold_text(tr(overview_heading));
        wui::text(std::string{tr(outstanding_words)} + " : " + format_money(o->outstanding, lang()) + "   " +
                  std::string{tr(overdue_words)} + " : " + format_money(o->overdue, lang()) + " (" +
                  std::to_string(o->overdue_count) + ")");
        if (ui::begin_table("ageing", 3, false)) {
            ImGui::TableSetupColumn(std::string{tr(bracket_words)}.c_str());
            ImGui::TableSetupColumn(std::string{tr(amount_words)}.c_str());
            ImGui::TableSetupColumn(std::string{tr(invoices_words)}.c_str());
            ImGui::TableHeadersRow();
            for (std::size_t i = 0; i < ageing_buckets.size(); ++i) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                wui::text(bracket_label(ageing_buckets[i], lang()));
                ImGui::TableNextColumn();
                wui::text(format_money(o->ageing[i].amount, lang()));
                ImGui::TableNextColumn();
                wui::text(std::to_string(o->ageing[i].invoice_count));
            }
            ui::end_table();
        }
        wui::gap(12.0f);
    }

    void draw_worklist(bool entered) {
        (void)entered;
        wui::heading(tr(label()), wui::title_font_size);
        draw_overview();
        wui::bold_text(tr(worklist_heading), wui::large_font_size);
        std::vector<std::string> values = {""};
        values.insert(values.end(), statuses.begin(), statuses.end());
        std::vector<std::string> shown = {std::string{tr(any_status)}};
        for (const std::string& s : labels(statuses, true))
            shown.push_back(s);
        if (ui::choice("status_filter", tr(status_words), section_.status_filter, values, shown))
            section_.apply_filters();
        const std::string days_problem = section_.min_days_problem();
        const auto days = ui::field("min_days_overdue", tr(min_days_words), section_.min_days_filter,
                                    {.error = days_problem, .width = 160.0f});
        if (wui::secondary_button(tr(apply_words), "button:apply_filters", days_problem.empty()) || days.submitted)
            section_.apply_filters();
        wui::gap(8.0f);

        if (section_.cases().empty() && section_.busy().empty()) {
            wui::muted_text(tr(Text::NothingFound));
            return;
        }
        if (ui::begin_table("cases", 5, false)) {
            // Values of a known length keep their width; the customer's name takes what is left.
            constexpr ImGuiTableColumnFlags fit = ImGuiTableColumnFlags_WidthFixed;
            ImGui::TableSetupColumn(std::string{tr(invoice_words)}.c_str(), fit);
            ImGui::TableSetupColumn(std::string{tr(customer_words)}.c_str(), ImGuiTableColumnFlags_WidthStretch);
            ImGui::TableSetupColumn(std::string{tr(days_words)}.c_str(), fit);
            ImGui::TableSetupColumn(std::string{tr(outstanding_words)}.c_str(), fit);
            ImGui::TableSetupColumn(std::string{tr(status_words)}.c_str(), fit);
            ImGui::TableHeadersRow();
            std::string opened;
            for (const CollectionCase& k : section_.cases()) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                if (ui::row_opener(k.invoice_number, k.case_id))
                    opened = k.case_id;
                ImGui::TableNextColumn();
                wui::text(k.client_name);
                ImGui::TableNextColumn();
                ui::cell(std::to_string(k.days_overdue));
                ImGui::TableNextColumn();
                ui::cell(format_money(k.outstanding, lang()));
                ImGui::TableNextColumn();
                ui::cell(status_label(to_string(k.status), lang()));
            }
            ui::end_table();
            if (!opened.empty())
                section_.open_case(opened); // after the table: the list changes under it
        }
        std::int64_t page = section_.pagination().page;
        if (ui::pager("cases", section_.pagination(), page, tr(Text::PreviousPage), tr(Text::NextPage)))
            section_.go_to_page(page);
    }

    void draw_case(bool entered) {
        if (wui::secondary_button(tr(worklist_back), "button:back_to_worklist"))
            return app_.go(Place{"collections", "", section_.status_filter});
        wui::gap(6.0f);
        const auto& k = section_.current_case();
        if (!k)
            return;
        wui::heading(webapp::with_value(tr(case_heading), k->invoice_number), wui::title_font_size);
        ui::copyable(k->invoice_number, tr(Text::Copied));
        wui::text(k->client_name);
        wui::gap(6.0f);
        if (ui::begin_table("case_facts", 2, false)) {
            auto fact = [](std::string_view name, const std::string& value) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                wui::muted_text(name);
                ImGui::TableNextColumn();
                wui::text(value);
            };
            fact(tr(status_words), status_label(to_string(k->status), lang()));
            fact(tr(days_words), std::to_string(k->days_overdue));
            fact(tr(outstanding_words), format_money(k->outstanding, lang()));
            fact(tr(invoice_total), format_money(k->invoice_total, lang()));
            fact(tr(due_words), k->due_date);
            fact(tr(opened_on), k->opened_on);
            if (k->closed_on)
                fact(webapp::with_value(tr(closed_words), *k->closed_on), k->close_reason.value_or(""));
            ui::end_table();
        }
        wui::gap(6.0f);
        if (wui::secondary_button(tr(open_invoice), "button:open_invoice"))
            return section_.go_to_invoice();
        ImGui::SameLine();
        if (wui::secondary_button(tr(open_customer), "button:open_customer"))
            return section_.go_to_customer();
        const bool idle = section_.busy().empty();
        if (section_.may_write()) {
            ImGui::SameLine();
            if (wui::primary_button(tr(change_status), "button:change_status", idle))
                section_.start_status_change();
            wui::gap(14.0f);
            wui::bold_text(tr(record_heading), wui::large_font_size);
            ui::choice("action_kind", tr(kind_words), section_.action_kind, kinds, labels(kinds, false));
            const auto note = ui::field("action_note", tr(note_words), section_.action_note,
                                        {.hint = tr(note_hint),
                                         .error = error_of(section_.errors(), "note"),
                                         .enabled = idle,
                                         .focus = entered});
            if (wui::primary_button(tr(record_words), "button:record_action", idle) || note.submitted)
                section_.record_action();
        }
        wui::gap(14.0f);
        wui::bold_text(tr(timeline_heading), wui::large_font_size);
        if (section_.actions().empty())
            wui::muted_text(tr(no_actions));
        for (const CollectionAction& a : section_.actions()) {
            wui::bold_text(kind_label(to_string(a.kind), lang()) + "  \u00b7  " + a.at.substr(0, 16));
            wui::muted_text(webapp::with_value(tr(by_words), a.actor), wui::small_font_size);
            if (!a.note.empty())
                wui::text(a.note);
            wui::gap(8.0f);
        }
        draw_status_dialog();
    }

    void draw_status_dialog() {
        if (!ui::begin_dialog("case_status", tr(change_status), section_.status_dialog_open))
            return;
        draw_notice(section_.notice(), lang(), nullptr);
        const bool idle = section_.busy().empty();
        ui::choice("new_status", tr(status_words), section_.new_status, statuses, labels(statuses, true));
        bool submitted = false;
        if (section_.new_status == "closed" || !section_.close_reason.empty()) {
            submitted = ui::field("close_reason", tr(reason_words), section_.close_reason,
                                  {.hint = tr(reason_hint),
                                   .error = error_of(section_.errors(), "reason"),
                                   .enabled = idle,
                                   .focus = ImGui::IsWindowAppearing()})
                            .submitted;
        }
        if (!idle)
            wui::progress(tr(Text::Saving));
        if (wui::primary_button(tr(Text::Save), "button:save_status", idle) || submitted)
            section_.change_status();
        ImGui::SameLine();
        if (wui::secondary_button(tr(Text::Cancel), "button:cancel"))
            section_.status_dialog_open = false;
        ui::end_dialog();
    }

    Collections& section_;
};

const RegisterView<CollectionsView> registered;

} // namespace
} // namespace isp::console
