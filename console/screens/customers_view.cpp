// The customers screen: the search and its list, a customer's page (details, contracts,
// invoices, payments, collection cases, messages sent, audit trail; each row opens its record) and the
// create / edit dialog with each field's rule checked as typed. Draws
// console/app/customers.h's state.
#include "console/app/customers.h"
#include "console/screens/contract_words.h"
#include "console/screens/view.h"
#include "console/ui/dialog.h"
#include "console/ui/form_field.h"
#include "console/ui/table.h"
#include "imgui.h"
#include "webapp/i18n/translation.h"
#include "webapp/ui/theme.h"
#include "webapp/ui/widgets.h"

namespace isp::console {
namespace {

namespace wui = webapp::ui;
using T = webapp::Translation;

const T search_hint{"Nom, CIN ou t\u00e9l\u00e9phone (/ pour chercher)", "Name, CIN or phone (/ to search)"};
const T new_customer{"Nouveau client", "New customer"};
const T edit_customer{"Modifier", "Edit"};
const T new_contract{"Nouveau contrat", "New contract"};
const T name_col{"Nom", "Name"};
const T cin_col{"CIN", "CIN"};
const T phone_col{"T\u00e9l\u00e9phone", "Phone"};
const T email_col{"E-mail", "E-mail"};
const T address_label{"Adresse", "Address"};
const T language_label{"Langue des documents", "Documents' language"};
const T first_name_label{"Pr\u00e9nom", "First name"};
const T last_name_label{"Nom", "Last name"};
const T contracts_heading{"Contrats", "Contracts"};
const T invoices_heading{"Factures", "Invoices"};
const T payments_heading{"Paiements", "Payments"};
const T cases_heading{"Dossiers de recouvrement", "Collection cases"};
const T audit_heading{"Historique des contrats", "Contracts' audit trail"};
const T notifications_heading{"Messages envoy\u00e9s au client", "Messages sent to the customer"};
const T to_col{"\u00c0", "To"};
const T subject_col{"Objet", "Subject"};
const T sent_state{"Envoy\u00e9", "Sent"};
const T pending_state{"En attente", "Pending"};
const T failed_state{"\u00c9chec", "Failed"};
const T attempts_note{"{} tentatives", "{} attempts"};
const T number_col{"Num\u00e9ro", "Number"};
const T subscriber_col{"Abonn\u00e9", "Subscriber"};
const T status_col{"Statut", "Status"};
const T start_col{"D\u00e9but", "Start"};
const T period_col{"P\u00e9riode", "Period"};
const T total_col{"Total", "Total"};
const T outstanding_col{"Reste d\u00fb", "Outstanding"};
const T received_col{"Re\u00e7u le", "Received on"};
const T invoice_col{"Facture", "Invoice"};
const T amount_col{"Montant", "Amount"};
const T reference_col{"R\u00e9f\u00e9rence", "Reference"};
const T days_col{"Jours de retard", "Days overdue"};
const T when_col{"Quand", "When"};
const T who_col{"Qui", "Who"};
const T what_col{"Quoi", "What"};
const T contract_col{"Contrat", "Contract"};
const T none{"Aucun.", "None."};
const T create_title{"Nouveau client", "New customer"};
const T edit_title{"Modifier le client", "Edit the customer"};

// The list's columns and the server's sort keys: name, CIN, phone, e-mail.
constexpr CustomerSortKey customer_column_keys[] = {CustomerSortKey::LastName, CustomerSortKey::Cin,
                                                    CustomerSortKey::Phone, CustomerSortKey::Email};

ui::ColumnSort customer_column_sort(const CustomerSort& sort) {
    for (int i = 0; i < static_cast<int>(std::size(customer_column_keys)); ++i)
        if (customer_column_keys[i] == sort.key)
            return {i, !sort.descending};
    return {};
}

CustomerSort customer_sort(const ui::ColumnSort& column) {
    if (column.column < 0 || column.column >= static_cast<int>(std::size(customer_column_keys)))
        return default_customer_sort;
    return {customer_column_keys[column.column], !column.ascending};
}

class CustomersView : public View {
public:
    explicit CustomersView(ConsoleApp& app) : View(app), section_(static_cast<Customers&>(*app.find("customers"))) {}

    std::string_view section() const override { return "customers"; }
    Text label() const override { return Text::NavCustomers; }

    void draw(bool entered) override {
        if (app_.place().id.empty())
            draw_list(entered);
        else
            draw_customer();
        draw_form();
    }

private:
    void draw_list(bool entered) {
        if (entered)
            query_ = section_.query();
        wui::heading(tr(label()), wui::title_font_size);
        if (section_.may_write()) {
            if (wui::primary_button(tr(new_customer), "button:new_customer"))
                section_.start_create();
            wui::gap(8.0f);
        }
        if (ui::search_field("customer_search", tr(search_hint), query_).edited)
            section_.search(query_);
        wui::gap(8.0f);
        const auto& list = section_.customers();
        if (list.empty() && section_.busy().empty()) {
            wui::muted_text(tr(Text::NothingFound));
            return;
        }
        // A narrow screen leaves the e-mail to the customer's page: the name is read whole.
        const bool narrow = ui::narrow_content();
        if (ui::begin_server_sorted_table("customers", 4, false, 0.0f, true)) {
            ImGui::TableSetupColumn(std::string{tr(name_col)}.c_str(), ImGuiTableColumnFlags_WidthStretch, 3.0f);
            // A CIN and a phone number are read whole: their columns fit them, never wrap them.
            ImGui::TableSetupColumn(std::string{tr(cin_col)}.c_str(), ImGuiTableColumnFlags_WidthFixed);
            ImGui::TableSetupColumn(std::string{tr(phone_col)}.c_str(), ImGuiTableColumnFlags_WidthFixed);
            ImGui::TableSetupColumn(std::string{tr(email_col)}.c_str(), ImGuiTableColumnFlags_WidthStretch, 3.0f);
            ImGui::TableSetColumnEnabled(3, !narrow);
            ImGui::TableHeadersRow();
            if (const auto clicked = ui::server_sort(customer_column_sort(section_.sort())))
                section_.sort_by(customer_sort(*clicked));
            std::string open;
            for (const Client& c : list) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                if (ui::row_opener(c.first_name + " " + c.last_name, c.client_id))
                    open = c.client_id;
                ImGui::TableNextColumn();
                ui::copyable(c.cin, tr(Text::Copied));
                ImGui::TableNextColumn();
                ui::cell(c.phone);
                if (ImGui::TableNextColumn())
                    wui::text(c.email);
            }
            ui::end_table();
            if (!open.empty())
                section_.open_customer(open);
        }
        std::int64_t page = 0;
        if (ui::pager("customers", section_.pagination(), page, tr(Text::PreviousPage), tr(Text::NextPage)))
            section_.go_to_page(page);
    }

    void draw_customer() {
        if (!section_.has_customer()) {
            if (!section_.busy().empty())
                wui::progress(tr(Text::Loading));
            return;
        }
        const Client& c = section_.customer();
        wui::heading(c.first_name + " " + c.last_name, wui::title_font_size);
        if (section_.may_write()) {
            if (wui::secondary_button(tr(edit_customer), "button:edit_customer"))
                section_.start_edit();
            ImGui::SameLine();
            if (wui::primary_button(tr(new_contract), "button:new_contract"))
                section_.new_contract();
        }
        wui::gap(8.0f);
        if (ui::begin_table("customer_details", 2, false)) {
            ImGui::TableSetupColumn("##label", ImGuiTableColumnFlags_WidthStretch, 1.0f);
            ImGui::TableSetupColumn("##value", ImGuiTableColumnFlags_WidthStretch, 3.0f);
            const auto row = [](std::string_view name, const std::string& value) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                wui::muted_text(name);
                ImGui::TableNextColumn();
                wui::text(value);
            };
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            wui::muted_text(tr(cin_col));
            ImGui::TableNextColumn();
            ui::copyable(c.cin, tr(Text::Copied));
            row(tr(phone_col), c.phone);
            row(tr(email_col), c.email);
            row(tr(address_label), c.address);
            row(tr(language_label), c.language == Language::English ? "English" : "Fran\u00e7ais");
            ui::end_table();
        }
        draw_contracts();
        draw_invoices();
        draw_payments();
        draw_cases();
        draw_notifications();
        draw_audit();
    }

    bool part(const T& title, bool empty) {
        wui::gap(16.0f);
        wui::heading(tr(title), wui::large_font_size);
        if (empty)
            wui::muted_text(tr(none));
        return !empty;
    }

    void draw_contracts() {
        if (!part(contracts_heading, section_.contracts().empty()))
            return;
        std::string open;
        if (ui::begin_table("customer_contracts", 4, false)) {
            // Values of a known length keep their width (here and in the lists below).
            constexpr ImGuiTableColumnFlags fit = ImGuiTableColumnFlags_WidthFixed;
            ImGui::TableSetupColumn(std::string{tr(number_col)}.c_str(), fit);
            ImGui::TableSetupColumn(std::string{tr(subscriber_col)}.c_str(), fit);
            ImGui::TableSetupColumn(std::string{tr(start_col)}.c_str(), fit);
            ImGui::TableSetupColumn(std::string{tr(status_col)}.c_str(), ImGuiTableColumnFlags_WidthStretch);
            ImGui::TableHeadersRow();
            for (const Contract& k : section_.contracts()) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                if (ui::row_opener(k.contract_number, k.contract_id))
                    open = k.contract_id;
                ImGui::TableNextColumn();
                ui::cell(k.service_identifier);
                ImGui::TableNextColumn();
                ui::cell(k.contract_start_date.to_iso());
                ImGui::TableNextColumn();
                ui::cell(contract_status_label(k.status, lang()));
            }
            ui::end_table();
        }
        if (!open.empty())
            section_.open_contract(open);
    }

    void draw_invoices() {
        if (!part(invoices_heading, section_.invoices().empty()))
            return;
        std::string open;
        if (ui::begin_table("customer_invoices", 5, false)) {
            constexpr ImGuiTableColumnFlags fit = ImGuiTableColumnFlags_WidthFixed;
            ImGui::TableSetupColumn(std::string{tr(number_col)}.c_str(), fit);
            ImGui::TableSetupColumn(std::string{tr(period_col)}.c_str(), fit);
            ImGui::TableSetupColumn(std::string{tr(total_col)}.c_str(), fit);
            ImGui::TableSetupColumn(std::string{tr(outstanding_col)}.c_str(), fit);
            ImGui::TableSetupColumn(std::string{tr(status_col)}.c_str(), ImGuiTableColumnFlags_WidthStretch);
            ImGui::TableHeadersRow();
            const auto& invoices = section_.invoices();
            for (std::size_t i = 0; i < invoices.size(); ++i) {
                const Invoice& inv = invoices[i];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                if (ui::row_opener(inv.invoice_number, inv.invoice_id))
                    open = inv.invoice_id;
                ImGui::TableNextColumn();
                ui::cell(inv.period);
                ImGui::TableNextColumn();
                ui::cell(format_money({inv.total_minor, inv.currency}, lang()));
                ImGui::TableNextColumn();
                ui::cell(format_money({outstanding_minor(inv), inv.currency}, lang()));
                ImGui::TableNextColumn();
                ui::cell(invoice_status_label(section_.invoice_status(i)));
            }
            ui::end_table();
        }
        if (!open.empty())
            section_.open_invoice(open);
    }

    std::string_view invoice_status_label(const std::string& status) const {
        static constexpr T open{"Ouverte", "Open"};
        static constexpr T partial{"Partiellement pay\u00e9e", "Partially paid"};
        static constexpr T paid{"Pay\u00e9e", "Paid"};
        static constexpr T overdue{"En retard", "Overdue"};
        if (status == "open")
            return tr(open);
        if (status == "partially_paid")
            return tr(partial);
        if (status == "paid")
            return tr(paid);
        if (status == "overdue")
            return tr(overdue);
        return status;
    }

    void draw_payments() {
        if (!part(payments_heading, section_.payments().empty()))
            return;
        std::string open;
        if (ui::begin_table("customer_payments", 4, false)) {
            constexpr ImGuiTableColumnFlags fit = ImGuiTableColumnFlags_WidthFixed;
            ImGui::TableSetupColumn(std::string{tr(received_col)}.c_str(), fit);
            ImGui::TableSetupColumn(std::string{tr(invoice_col)}.c_str(), fit);
            ImGui::TableSetupColumn(std::string{tr(amount_col)}.c_str(), fit);
            ImGui::TableSetupColumn(std::string{tr(reference_col)}.c_str(), ImGuiTableColumnFlags_WidthStretch);
            ImGui::TableHeadersRow();
            for (const PaymentRecord& p : section_.payments()) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                // A payment is shown on its invoice: the row opens it.
                if (ui::row_opener(p.received_on, p.payment_id))
                    open = p.invoice_id;
                ImGui::TableNextColumn();
                ui::cell(p.invoice_number);
                ImGui::TableNextColumn();
                ui::cell(format_money(p.amount, lang()));
                ImGui::TableNextColumn();
                wui::text(p.reference);
            }
            ui::end_table();
        }
        if (!open.empty())
            section_.open_invoice(open);
    }

    void draw_cases() {
        if (!part(cases_heading, section_.cases().empty()))
            return;
        std::string open;
        if (ui::begin_table("customer_cases", 3, false)) {
            ImGui::TableSetupColumn(std::string{tr(invoice_col)}.c_str(), ImGuiTableColumnFlags_WidthStretch, 2.0f);
            ImGui::TableSetupColumn(std::string{tr(days_col)}.c_str(), ImGuiTableColumnFlags_WidthStretch, 1.0f);
            ImGui::TableSetupColumn(std::string{tr(outstanding_col)}.c_str(), ImGuiTableColumnFlags_WidthStretch, 1.5f);
            ImGui::TableHeadersRow();
            for (const CollectionCase& k : section_.cases()) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                if (ui::row_opener(k.invoice_number, k.case_id))
                    open = k.case_id;
                ImGui::TableNextColumn();
                wui::text(std::to_string(k.days_overdue));
                ImGui::TableNextColumn();
                wui::text(format_money(k.outstanding, lang()));
            }
            ui::end_table();
        }
        if (!open.empty())
            section_.open_case(open);
    }

    // Whether each message went out, so staff answering "I never got my invoice" see it here.
    void draw_notifications() {
        if (!part(notifications_heading, section_.notifications().empty()))
            return;
        if (ui::begin_table("customer_notifications", 4, false)) {
            ImGui::TableSetupColumn(std::string{tr(when_col)}.c_str(), ImGuiTableColumnFlags_WidthFixed);
            ImGui::TableSetupColumn(std::string{tr(subject_col)}.c_str(), ImGuiTableColumnFlags_WidthStretch, 3.0f);
            ImGui::TableSetupColumn(std::string{tr(to_col)}.c_str(), ImGuiTableColumnFlags_WidthStretch, 2.0f);
            ImGui::TableSetupColumn(std::string{tr(status_col)}.c_str(), ImGuiTableColumnFlags_WidthStretch, 1.5f);
            ImGui::TableHeadersRow();
            for (const CustomerNotification& n : section_.notifications()) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ui::cell(n.sent_at.value_or(n.created_at));
                ImGui::TableNextColumn();
                wui::text(n.subject);
                ImGui::TableNextColumn();
                wui::text(n.recipient);
                ImGui::TableNextColumn();
                std::string state{tr(n.state == "sent"     ? sent_state
                                     : n.state == "failed" ? failed_state
                                                           : pending_state)};
                if (n.state != "sent" && n.attempts > 0)
                    state += " (" + webapp::with_value(tr(attempts_note), std::to_string(n.attempts)) + ")";
                if (n.state != "sent" && n.last_error)
                    state += ": " + *n.last_error;
                wui::text(state);
            }
            ui::end_table();
        }
    }

    void draw_audit() {
        if (!part(audit_heading, section_.audit().empty()))
            return;
        if (ui::begin_table("customer_audit", 4, false)) {
            ImGui::TableSetupColumn(std::string{tr(when_col)}.c_str(), ImGuiTableColumnFlags_WidthFixed);
            ImGui::TableSetupColumn(std::string{tr(contract_col)}.c_str(), ImGuiTableColumnFlags_WidthFixed);
            ImGui::TableSetupColumn(std::string{tr(who_col)}.c_str(), ImGuiTableColumnFlags_WidthStretch, 2.0f);
            ImGui::TableSetupColumn(std::string{tr(what_col)}.c_str(), ImGuiTableColumnFlags_WidthStretch, 2.0f);
            ImGui::TableHeadersRow();
            for (const AuditRecord& a : section_.audit()) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ui::cell(a.entry.at);
                ImGui::TableNextColumn();
                ui::cell(a.entry.contract_id);
                ImGui::TableNextColumn();
                wui::text(a.entry.actor);
                ImGui::TableNextColumn();
                wui::text(audit_action_label(a.entry.action, lang()));
            }
            ui::end_table();
        }
    }

    void draw_form() {
        bool open = section_.form_open();
        if (!ui::begin_dialog("customer_form", tr(section_.editing() ? edit_title : create_title), open)) {
            if (section_.form_open() && !open)
                section_.close_form();
            return;
        }
        ClientForm& f = section_.form;
        const bool idle = section_.busy().empty();
        const auto problem = [this](const char* field) { return section_.field_problem(field); };
        const std::string cin_problem = problem("cin");
        ui::field("cin", tr(cin_col), f.cin,
                  {.error = cin_problem, .enabled = idle, .focus = ImGui::IsWindowAppearing()});
        const std::string first_problem = problem("first_name");
        ui::field("first_name", tr(first_name_label), f.first_name, {.error = first_problem, .enabled = idle});
        const std::string last_problem = problem("last_name");
        ui::field("last_name", tr(last_name_label), f.last_name, {.error = last_problem, .enabled = idle});
        const std::string phone_problem = problem("phone");
        ui::field("phone", tr(phone_col), f.phone, {.error = phone_problem, .enabled = idle});
        const std::string email_problem = problem("email");
        ui::field("email", tr(email_col), f.email, {.error = email_problem, .enabled = idle});
        const std::string address_problem = problem("address");
        const auto last =
            ui::field("address", tr(address_label), f.address, {.error = address_problem, .enabled = idle});
        ui::choice("language", tr(language_label), f.language, {"fr", "en"}, {"Fran\u00e7ais", "English"});
        wui::gap(8.0f);
        if (!idle) {
            wui::progress(tr(Text::Saving));
        } else {
            if (wui::primary_button(tr(Text::Save), "button:save_customer") || last.submitted)
                section_.submit_form();
            ImGui::SameLine();
            if (wui::secondary_button(tr(Text::Cancel), "button:cancel"))
                section_.close_form();
        }
        if (!open)
            section_.close_form();
        ui::end_dialog();
    }

    Customers& section_;
    std::string query_; // the search field's text
};

const RegisterView<CustomersView> registered;

} // namespace
} // namespace isp::console
