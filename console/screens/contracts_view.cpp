// The contracts screen: the list with its filters, a contract's page (details, status and
// offer changes, document versions, audit trail) and the dialogs that provision a contract,
// change its status from a date with a reason, or move it to another offer. Draws
// console/app/contracts.h's state.
#include "console/app/contracts.h"
#include "console/screens/contract_words.h"
#include "console/screens/view.h"
#include "console/ui/dialog.h"
#include "console/ui/form_field.h"
#include "console/ui/table.h"
#include "imgui.h"
#include "webapp/ui/test_probe.h"
#include "webapp/ui/theme.h"
#include "webapp/ui/widgets.h"

namespace isp::console {
namespace {

namespace wui = webapp::ui;
using T = webapp::Translation;

const T all{"Tous", "All"};
const T status_label{"Statut", "Status"};
const T service_label{"Service", "Service"};
const T client_label{"Client", "Customer"};
const T clear_client{"Tous les clients", "Every customer"};
const T number_col{"Num\u00e9ro", "Number"};
const T subscriber_col{"Abonn\u00e9", "Subscriber"};
const T offer_col{"Offre", "Offer"};
const T start_col{"D\u00e9but", "Start"};
const T commitment_label{"Engagement", "Commitment"};
const T commitment_end_label{"Fin d'engagement", "Commitment ends"};
const T months{"{} mois", "{} months"};
const T offer_default{"Celui de l'offre", "The offer's"};
const T no_commitment{"Sans", "None"};
const T document_label{"Version du document", "Document version"};
const T open_customer{"Voir le client", "Open the customer"};
const T suspend{"Suspendre", "Suspend"};
const T resume{"R\u00e9activer", "Resume"};
const T terminate{"R\u00e9silier", "Terminate"};
const T change_offer{"Changer d'offre", "Change offer"};
const T status_history{"Historique des statuts", "Status history"};
const T scheduled_heading{"Changements programm\u00e9s", "Scheduled changes"};
const T reason_col{"Motif", "Reason"};
const T cancel_change{"Annuler", "Cancel"};
const T documents_heading{"Documents du contrat", "Contract documents"};
const T audit_heading{"Journal d'audit", "Audit trail"};
const T version_col{"Version", "Version"};
const T produced_col{"\u00c9tabli le", "Produced on"};
const T current_label{"(en vigueur)", "(current)"};
const T open_document{"Ouvrir", "Open"};
const T when_col{"Quand", "When"};
const T who_col{"Qui", "Who"};
const T what_col{"Quoi", "What"};
const T change_col{"Changement", "Change"};
const T from_col{"Depuis le", "From"};
const T provision_title{"Nouveau contrat", "New contract"};
const T provision_button{"Cr\u00e9er le contrat", "Create the contract"};
const T start_date_label{"Date de d\u00e9but (AAAA-MM-JJ)", "Start date (YYYY-MM-DD)"};
const T subscriber_label{"Identifiant de service (num\u00e9ro ou r\u00e9f\u00e9rence de ligne)",
                         "Service identifier (number or line reference)"};
const T effective_label{"Date d'effet (AAAA-MM-JJ)", "Effective date (YYYY-MM-DD)"};
const T reason_label{"Motif", "Reason"};
const T new_offer_label{"Nouvelle offre", "New offer"};
const T no_other_offer{"Aucune autre offre active de cette famille.", "No other active offer of this family."};
const T inactive{"(inactive)", "(inactive)"};

// The list's columns and the server's sort keys (the offer's column sorts nothing); the
// default order (by creation) is no column's.
constexpr std::optional<ContractSortKey> contract_column_keys[] = {ContractSortKey::ContractNumber,
                                                                   ContractSortKey::ServiceIdentifier, std::nullopt,
                                                                   ContractSortKey::Status, ContractSortKey::StartDate};

ui::ColumnSort contract_column_sort(const ContractSort& sort) {
    for (int i = 0; i < static_cast<int>(std::size(contract_column_keys)); ++i)
        if (contract_column_keys[i] == sort.key)
            return {i, !sort.descending};
    return {};
}

ContractSort contract_sort(const ui::ColumnSort& column) {
    if (column.column < 0 || column.column >= static_cast<int>(std::size(contract_column_keys)) ||
        !contract_column_keys[column.column])
        return default_contract_sort;
    return {*contract_column_keys[column.column], !column.ascending};
}

class ContractsView : public View {
public:
    explicit ContractsView(ConsoleApp& app) : View(app), section_(static_cast<Contracts&>(*app.find("contracts"))) {}

    std::string_view section() const override { return "contracts"; }
    Text label() const override { return Text::NavContracts; }

    void draw(bool entered) override {
        (void)entered;
        if (app_.place().id.empty())
            draw_list();
        else
            draw_contract();
        draw_provision();
        draw_status_change();
        draw_offer_change();
    }

private:
    std::string offer_name(const std::string& offer_id) const {
        const Offer* o = section_.find_offer(offer_id);
        return o ? o->name : offer_id;
    }

    void draw_list() {
        wui::heading(tr(label()), wui::title_font_size);
        Contracts::Filter filter = section_.filter();
        bool changed =
            ui::choice("status", tr(status_label), filter.status, {"", "active", "suspended", "terminated"},
                       {std::string{tr(all)}, std::string{contract_status_label(ContractStatus::Active, lang())},
                        std::string{contract_status_label(ContractStatus::Suspended, lang())},
                        std::string{contract_status_label(ContractStatus::Terminated, lang())}});
        changed |= ui::choice("service", tr(service_label), filter.service, {"", "mobile", "internet", "landline"},
                              {std::string{tr(all)}, std::string{family_label(ServiceFamily::Mobile, lang())},
                               std::string{family_label(ServiceFamily::Internet, lang())},
                               std::string{family_label(ServiceFamily::Landline, lang())}});
        changed |= offer_filter(filter.offer_id);
        if (!filter.client_id.empty()) {
            ImGui::AlignTextToFramePadding();
            wui::muted_text(std::string{tr(client_label)} + " : " + filter.client_id);
            ImGui::SameLine();
            if (wui::secondary_button(tr(clear_client), "button:every_client")) {
                filter.client_id.clear();
                changed = true;
            }
        }
        if (changed)
            section_.set_filter(filter);
        wui::gap(8.0f);
        if (section_.contracts().empty() && section_.busy().empty()) {
            wui::muted_text(tr(Text::NothingFound));
            return;
        }
        std::string open;
        if (ui::begin_server_sorted_table("contracts", 5, true)) {
            // Values of a known length keep their width; the offer's name takes what is left.
            constexpr ImGuiTableColumnFlags fit = ImGuiTableColumnFlags_WidthFixed;
            ImGui::TableSetupColumn(std::string{tr(number_col)}.c_str(), fit);
            ImGui::TableSetupColumn(std::string{tr(subscriber_col)}.c_str(), fit);
            // The offer's name is not the server's to sort by (it sorts contracts, not offers).
            ImGui::TableSetupColumn(std::string{tr(offer_col)}.c_str(),
                                    ImGuiTableColumnFlags_WidthStretch | ImGuiTableColumnFlags_NoSort);
            ImGui::TableSetupColumn(std::string{tr(status_label)}.c_str(), fit);
            ImGui::TableSetupColumn(std::string{tr(start_col)}.c_str(), fit);
            ImGui::TableHeadersRow();
            if (const auto clicked = ui::server_sort(contract_column_sort(section_.sort())))
                section_.sort_by(contract_sort(*clicked));
            for (const Contract& k : section_.contracts()) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                if (ui::row_opener(k.contract_number, k.contract_id))
                    open = k.contract_id;
                ImGui::TableNextColumn();
                ui::cell(k.service_identifier);
                ImGui::TableNextColumn();
                wui::text(offer_name(k.offer_id));
                ImGui::TableNextColumn();
                ui::cell(contract_status_label(k.status, lang()));
                ImGui::TableNextColumn();
                ui::cell(k.contract_start_date.to_iso());
            }
            ui::end_table();
        }
        if (!open.empty())
            section_.open_contract(open);
        std::int64_t page = 0;
        if (ui::pager("contracts", section_.pagination(), page, tr(Text::PreviousPage), tr(Text::NextPage)))
            section_.go_to_page(page);
    }

    // Contracts on one offer: a drop-down of the catalog (it may be long); probe ids
    // "field:offer_filter" and "choice:offer_filter:<offer_id>" ("" for every offer).
    bool offer_filter(std::string& offer_id) {
        bool changed = false;
        wui::bold_text(tr(offer_col), wui::small_font_size);
        const std::string shown = offer_id.empty() ? std::string{tr(all)} : offer_name(offer_id);
        ImGui::SetNextItemWidth(-1.0f);
        const bool opened = ImGui::BeginCombo("##offer_filter", shown.c_str());
        wui::probe::item("field:offer_filter");
        if (opened) {
            if (ImGui::Selectable((std::string{tr(all)} + "##all").c_str(), offer_id.empty()) && !offer_id.empty()) {
                offer_id.clear();
                changed = true;
            }
            wui::probe::item("choice:offer_filter:");
            for (const Offer& o : section_.offers()) {
                ImGui::PushID(o.offer_id.c_str());
                if (ImGui::Selectable(o.name.c_str(), offer_id == o.offer_id) && offer_id != o.offer_id) {
                    offer_id = o.offer_id;
                    changed = true;
                }
                wui::probe::item("choice:offer_filter:" + o.offer_id);
                ImGui::PopID();
            }
            ImGui::EndCombo();
        }
        wui::gap(6.0f);
        return changed;
    }

    void draw_contract() {
        if (!section_.has_contract()) {
            if (!section_.busy().empty())
                wui::progress(tr(Text::Loading));
            return;
        }
        const ContractDetail& d = section_.detail();
        const Contract& k = d.contract;
        wui::heading(tr(T{"Contrat", "Contract"}), wui::title_font_size);
        ui::copyable(k.contract_number, tr(Text::Copied));
        wui::gap(8.0f);
        draw_actions();
        if (ui::begin_table("contract_details", 2, false)) {
            ImGui::TableSetupColumn("##label", ImGuiTableColumnFlags_WidthStretch, 1.0f);
            ImGui::TableSetupColumn("##value", ImGuiTableColumnFlags_WidthStretch, 2.0f);
            const auto row = [](std::string_view name, const std::string& value) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                wui::muted_text(name);
                ImGui::TableNextColumn();
                wui::text(value);
            };
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            wui::muted_text(tr(client_label));
            ImGui::TableNextColumn();
            if (wui::secondary_button(tr(open_customer), "button:open_customer"))
                section_.open_customer();
            row(tr(subscriber_col), k.service_identifier);
            row(tr(offer_col), d.offer ? d.offer->name + " \u2013 " + format_money(price_with_tax(*d.offer), lang())
                                       : offer_name(k.offer_id));
            row(tr(status_label), std::string{contract_status_label(k.status, lang())});
            row(tr(start_col), k.contract_start_date.to_iso());
            row(tr(commitment_label), k.commitment_months == 0
                                          ? std::string{tr(no_commitment)}
                                          : webapp::with_value(tr(months), std::to_string(k.commitment_months)));
            if (const auto end = commitment_end(k.contract_start_date, k.commitment_months))
                row(tr(commitment_end_label), end->to_iso());
            row(tr(document_label), std::to_string(k.document_version));
            ui::end_table();
        }
        draw_scheduled_changes();
        draw_status_history();
        draw_documents();
        draw_audit();
    }

    void draw_actions() {
        if (!section_.may_write())
            return; // a viewer is offered no change
        bool first = true;
        for (const ContractStatus s : section_.next_statuses()) {
            if (!first)
                ImGui::SameLine();
            first = false;
            const bool ends = s == ContractStatus::Terminated;
            const T& words = s == ContractStatus::Suspended ? suspend
                             : s == ContractStatus::Active  ? resume
                                                            : terminate;
            const char* probe = s == ContractStatus::Suspended ? "button:suspend"
                                : s == ContractStatus::Active  ? "button:resume"
                                                               : "button:terminate";
            if (ends ? wui::secondary_button(tr(words), probe) : wui::primary_button(tr(words), probe))
                section_.start_status_change(s);
        }
        if (section_.detail().contract.status == ContractStatus::Active) {
            if (!first)
                ImGui::SameLine();
            if (wui::secondary_button(tr(change_offer), "button:change_offer"))
                section_.start_offer_change();
        }
        wui::gap(8.0f);
    }

    // Changes dated later: what the contract becomes on which date, until then cancellable.
    void draw_scheduled_changes() {
        const auto& changes = section_.detail().scheduled_changes;
        if (changes.empty())
            return;
        wui::gap(16.0f);
        wui::heading(tr(scheduled_heading), wui::large_font_size);
        const int columns = section_.may_write() ? 4 : 3;
        if (!ui::begin_table("contract_scheduled", columns, false))
            return;
        ImGui::TableSetupColumn(std::string{tr(from_col)}.c_str(), ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn(std::string{tr(status_label)}.c_str(), ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn(std::string{tr(reason_col)}.c_str(), ImGuiTableColumnFlags_WidthStretch, 2.0f);
        if (columns == 4)
            ImGui::TableSetupColumn("##cancel", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableHeadersRow();
        for (const ScheduledChange& c : changes) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ui::cell(c.effective_date.to_iso());
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            // An offer change (issue #15) says the offer it moves to.
            wui::text(c.kind == ScheduledChangeKind::Offer ? std::string{tr(offer_col)} + " : " + offer_name(c.offer_id)
                                                           : std::string{contract_status_label(c.status, lang())});
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            wui::text(c.reason);
            if (columns == 4) {
                ImGui::TableNextColumn();
                ImGui::PushID(c.change_id.c_str());
                if (wui::secondary_button(tr(cancel_change), "button:cancel_change:" + c.change_id))
                    section_.cancel_scheduled_change(c.change_id);
                ImGui::PopID();
            }
        }
        ui::end_table();
    }

    void draw_status_history() {
        const auto& periods = section_.detail().status_periods;
        if (periods.empty())
            return;
        wui::gap(16.0f);
        wui::heading(tr(status_history), wui::large_font_size);
        if (ui::begin_table("contract_statuses", 2, false)) {
            ImGui::TableSetupColumn(std::string{tr(from_col)}.c_str(), ImGuiTableColumnFlags_WidthStretch, 1.0f);
            ImGui::TableSetupColumn(std::string{tr(status_label)}.c_str(), ImGuiTableColumnFlags_WidthStretch, 2.0f);
            ImGui::TableHeadersRow();
            for (const StatusPeriod& p : periods) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                wui::text(p.effective_from.to_iso());
                ImGui::TableNextColumn();
                wui::text(contract_status_label(p.status, lang()));
            }
            ui::end_table();
        }
    }

    void draw_documents() {
        wui::gap(16.0f);
        wui::heading(tr(documents_heading), wui::large_font_size);
        if (!ui::begin_table("contract_documents", 3, false))
            return;
        ImGui::TableSetupColumn(std::string{tr(version_col)}.c_str(), ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn(std::string{tr(produced_col)}.c_str(), ImGuiTableColumnFlags_WidthStretch, 2.0f);
        ImGui::TableSetupColumn("##open", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableHeadersRow();
        for (const DocumentVersion& v : section_.documents()) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            wui::text(std::to_string(v.version) + (v.current ? " " + std::string{tr(current_label)} : ""));
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            wui::text(v.produced_on);
            ImGui::TableNextColumn();
            ImGui::PushID(v.version);
            if (wui::secondary_button(tr(open_document), "button:document:" + std::to_string(v.version)))
                section_.open_document(v.version);
            ImGui::PopID();
        }
        ui::end_table();
    }

    static std::string change_text(const AuditRecord& a) {
        std::string out = a.entry.before ? *a.entry.before : "";
        if (a.entry.after)
            out += (out.empty() ? "" : " \u2192 ") + *a.entry.after;
        return out;
    }

    void draw_audit() {
        wui::gap(16.0f);
        wui::heading(tr(audit_heading), wui::large_font_size);
        if (!ui::begin_table("contract_audit", 4, false))
            return;
        ImGui::TableSetupColumn(std::string{tr(when_col)}.c_str(), ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn(std::string{tr(who_col)}.c_str(), ImGuiTableColumnFlags_WidthStretch, 1.6f);
        ImGui::TableSetupColumn(std::string{tr(what_col)}.c_str(), ImGuiTableColumnFlags_WidthStretch, 1.4f);
        ImGui::TableSetupColumn(std::string{tr(change_col)}.c_str(), ImGuiTableColumnFlags_WidthStretch, 3.0f);
        ImGui::TableHeadersRow();
        for (const AuditRecord& a : section_.audit()) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ui::cell(a.entry.at);
            ImGui::TableNextColumn();
            wui::text(a.entry.actor);
            ImGui::TableNextColumn();
            wui::text(audit_action_label(a.entry.action, lang()));
            ImGui::TableNextColumn();
            wui::muted_text(change_text(a), wui::small_font_size);
        }
        ui::end_table();
    }

    // The offers to choose from, one a line; probe ids "choice:offer_id:<offer_id>".
    void offer_list(std::string& chosen, const std::vector<const Offer*>& offers, const T& title) {
        wui::bold_text(tr(title), wui::small_font_size);
        for (const Offer* o : offers) {
            std::string shown = o->name + " \u2013 " + format_money(price_with_tax(*o), lang()) + " (" +
                                std::string{family_label(o->family, lang())} + ")";
            if (!o->active)
                shown += " " + std::string{tr(inactive)};
            if (wui::toggle_button(shown, "choice:offer_id:" + o->offer_id, chosen == o->offer_id))
                chosen = o->offer_id;
        }
        if (const std::string problem = section_.server_problem("offer_id"); !problem.empty())
            wui::error_text(problem);
        wui::gap(6.0f);
    }

    void draw_provision() {
        bool open = section_.provision_open();
        if (!ui::begin_dialog("provision", tr(provision_title), open)) {
            if (section_.provision_open() && !open)
                section_.close_provision();
            return;
        }
        Contracts::Provision& p = section_.provision;
        const bool idle = section_.busy().empty();
        std::vector<const Offer*> offers;
        for (const Offer& o : section_.offers())
            if (o.active)
                offers.push_back(&o);
        wui::muted_text(std::string{tr(client_label)} + " : " + p.client_id);
        offer_list(p.offer_id, offers, offer_col);
        std::string commitment = p.commitment_months.empty() ? "offer" : p.commitment_months;
        if (ui::choice("commitment_months", tr(commitment_label), commitment, {"offer", "0", "12", "24"},
                       {std::string{tr(offer_default)}, std::string{tr(no_commitment)},
                        webapp::with_value(tr(months), "12"), webapp::with_value(tr(months), "24")}))
            p.commitment_months = commitment == "offer" ? "" : commitment;
        if (const std::string problem = section_.server_problem("commitment_months"); !problem.empty())
            wui::error_text(problem);
        const std::string date_problem = section_.provision_problem("contract_start_date");
        ui::field("contract_start_date", tr(start_date_label), p.contract_start_date,
                  {.error = date_problem, .enabled = idle});
        const std::string subscriber_problem = section_.provision_problem("subscriber.service_identifier");
        const auto last = ui::field("service_identifier", tr(subscriber_label), p.service_identifier,
                                    {.error = subscriber_problem, .enabled = idle});
        confirm_row(idle, provision_button, "button:confirm_provision", last.submitted, open,
                    [this] { section_.submit_provision(); });
        if (!open)
            section_.close_provision();
        ui::end_dialog();
    }

    void draw_status_change() {
        bool open = section_.status_open();
        Contracts::StatusChange& s = section_.status_change;
        const T& title = s.status == ContractStatus::Suspended ? suspend
                         : s.status == ContractStatus::Active  ? resume
                                                               : terminate;
        if (!ui::begin_dialog("status_change", tr(title), open)) {
            if (section_.status_open() && !open)
                section_.close_status_change();
            return;
        }
        const bool idle = section_.busy().empty();
        if (section_.has_contract())
            wui::muted_text(section_.detail().contract.contract_number);
        const std::string date_problem = section_.server_problem("effective_date");
        ui::field("effective_date", tr(effective_label), s.effective_date,
                  {.error = date_problem, .enabled = idle, .focus = ImGui::IsWindowAppearing()});
        const std::string reason_problem = section_.server_problem("reason");
        const auto last = ui::field("reason", tr(reason_label), s.reason, {.error = reason_problem, .enabled = idle});
        confirm_row(idle, title, "button:confirm_status", last.submitted, open,
                    [this] { section_.submit_status_change(); });
        if (!open)
            section_.close_status_change();
        ui::end_dialog();
    }

    void draw_offer_change() {
        bool open = section_.offer_open();
        if (!ui::begin_dialog("offer_change", tr(change_offer), open)) {
            if (section_.offer_open() && !open)
                section_.close_offer_change();
            return;
        }
        Contracts::OfferChange& c = section_.offer_change;
        const bool idle = section_.busy().empty();
        const auto choices = section_.offer_choices();
        if (choices.empty())
            wui::muted_text(tr(no_other_offer));
        else
            offer_list(c.offer_id, choices, new_offer_label);
        const std::string date_problem = section_.server_problem("effective_date");
        const auto last = ui::field("effective_date", tr(effective_label), c.effective_date,
                                    {.error = date_problem, .enabled = idle});
        confirm_row(idle, change_offer, "button:confirm_offer", last.submitted, open,
                    [this] { section_.submit_offer_change(); });
        if (!open)
            section_.close_offer_change();
        ui::end_dialog();
    }

    template <class Submit>
    void confirm_row(bool idle, const T& label, const char* probe, bool submitted, bool& open, Submit submit) {
        wui::gap(8.0f);
        if (!idle) {
            wui::progress(tr(Text::Saving));
            return;
        }
        if (wui::primary_button(tr(label), probe) || submitted)
            submit();
        ImGui::SameLine();
        if (wui::secondary_button(tr(Text::Cancel), "button:cancel"))
            open = false;
    }

    Contracts& section_;
};

const RegisterView<ContractsView> registered;

} // namespace
} // namespace isp::console
