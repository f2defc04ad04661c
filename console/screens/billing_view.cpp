// The billing screen: draws console/app/billing.h's state. The runs (with "Run a period" and
// its dialog), the invoices with their filters, and one invoice. Probe ids: "button:runs",
// "button:invoices", "button:run_period", "field:period", "button:preview_run",
// "button:confirm_run", "button:run_invoices", "button:close", "button:cancel",
// "choice:status:<any|open|...>", "choice:service:<any|mobile|...>", "field:client_id",
// "field:offer_id", "field:invoice_period", "button:apply_filters", "row:<invoice_id>",
// "copy:<invoice number>", "button:runs:previous|next",
// "button:invoice_pdf", "button:record_payment", "button:open_customer",
// "button:invoice_payments", and the payment dialog's (payment_form_view.h).
#include <algorithm>
#include <optional>
#include <vector>

#include "console/app/billing.h"
#include "console/screens/notice_banner.h"
#include "console/screens/payment_form_view.h"
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

constexpr T runs_tab{"Facturations", "Billing runs"};
constexpr T invoices_tab{"Factures", "Invoices"};
constexpr T run_period_button{"Facturer une p\u00e9riode", "Run a period"};
constexpr T run_title{"Facturer une p\u00e9riode", "Run a billing period"};
constexpr T period_label{"P\u00e9riode (AAAA-MM)", "Period (YYYY-MM)"};
constexpr T period_hint{"Le mois \u00e0 facturer, par exemple 2026-11.", "The month to bill, for example 2026-11."};
constexpr T next_step{"Continuer", "Continue"};
constexpr T confirm_question{"Facturer la p\u00e9riode {} ?", "Bill the period {}?"};
constexpr T contracts_count{"Contrats \u00e0 facturer : {}", "Contracts to bill: {}"};
constexpr T expected_total{"Total attendu : {}", "Expected total: {}"};
constexpr T no_figures{"Le nombre de contrats et le total seront connus apr\u00e8s la facturation.",
                       "The number of contracts and the total will be known once the run is done."};
constexpr T once_only{"Un contrat d\u00e9j\u00e0 factur\u00e9 pour cette p\u00e9riode ne l'est jamais deux fois.",
                      "A contract already billed for this period is never billed twice."};
constexpr T run_button{"Lancer la facturation", "Run the billing"};
constexpr T running_text{"Facturation de {} en cours\u2026", "Billing {}\u2026"};
constexpr T result_heading{"P\u00e9riode {}", "Period {}"};
constexpr T invoices_issued{"Factures \u00e9mises : {}", "Invoices issued: {}"};
constexpr T already_billed{"Contrats d\u00e9j\u00e0 factur\u00e9s : {}", "Contracts already billed: {}"};
constexpr T nothing_billed{"Rien \u00e0 facturer : chaque contrat de la p\u00e9riode a d\u00e9j\u00e0 sa facture.",
                           "Nothing to bill: every contract of the period already has its invoice."};
constexpr T see_invoices{"Voir les factures", "See the invoices"};
constexpr T close_label{"Fermer", "Close"};
constexpr T subtotal_label{"Hors taxes", "Subtotal"};
constexpr T tax_label{"Taxes", "Tax"};
constexpr T total_label{"Total", "Total"};
constexpr T paid_label{"Pay\u00e9", "Paid"};
constexpr T outstanding_label{"Reste \u00e0 payer", "Outstanding"};
constexpr T period_column{"P\u00e9riode", "Period"};
constexpr T invoices_column{"Factures", "Invoices"};
constexpr T run_at_column{"Lanc\u00e9e le", "Run at"};
constexpr T by_column{"Par", "By"};
constexpr T no_runs{"Aucune facturation \u00e0 afficher.", "No billing run to show."};
constexpr T status_label{"Statut", "Status"};
constexpr T service_label{"Service", "Service"};
constexpr T any_label{"Tous", "Any"};
constexpr T client_label{"Client (identifiant)", "Customer (id)"};
constexpr T offer_label{"Offre (identifiant)", "Offer (id)"};
constexpr T filter_period_label{"P\u00e9riode (AAAA-MM)", "Period (YYYY-MM)"};
constexpr T apply_label{"Filtrer", "Filter"};
constexpr T customer_column{"Client", "Customer"};
constexpr T number_column{"Num\u00e9ro", "Number"};
constexpr T due_column{"\u00c9ch\u00e9ance", "Due"};
constexpr T invoice_heading{"Facture {}", "Invoice {}"};
constexpr T issued_due{"\u00c9mise le {} \u2013 \u00e9ch\u00e9ance le ", "Issued on {} \u2013 due on "};
constexpr T billed_days{"P\u00e9riode {}", "Period {}"};
constexpr T offer_column{"Offre", "Offer"};
constexpr T line_column{"Ligne", "Line"};
constexpr T days_column{"Jours", "Days"};
constexpr T amount_column{"Montant HT", "Amount"};
constexpr T pdf_button{"PDF de la facture", "Invoice PDF"};
constexpr T record_button{"Enregistrer un paiement", "Record a payment"};
constexpr T payments_button{"Paiements de la facture", "The invoice's payments"};
constexpr T mobile_label{"Mobile", "Mobile"};
constexpr T internet_label{"Internet", "Internet"};
constexpr T landline_label{"Fixe", "Landline"};

std::string_view status_word(std::string_view status, Language l) {
    if (status == "open")
        return tr(T{"\u00c0 payer", "Open"}, l);
    if (status == "partially_paid")
        return tr(T{"Pay\u00e9e en partie", "Partially paid"}, l);
    if (status == "paid")
        return tr(T{"Pay\u00e9e", "Paid"}, l);
    if (status == "overdue")
        return tr(T{"En retard", "Overdue"}, l);
    return status;
}

void status_text(std::string_view status, Language l, bool one_line = false) {
    const wui::Palette& p = wui::palette();
    const bool late = status == "overdue";
    ImGui::PushStyleColor(ImGuiCol_Text, late ? p.error : status == "paid" ? p.success : p.text);
    if (one_line)
        ui::cell(status_word(status, l)); // the long list's rows have one height: nothing wraps
    else
        wui::text(status_word(status, l));
    ImGui::PopStyleColor();
}

std::string money(std::int64_t minor, const std::string& currency, Language l) {
    return format_money({minor, currency}, l);
}

// The list's columns the server can sort by (GET /invoices `sort`), by column index; the
// customer, outstanding and status columns cannot be sorted.
constexpr std::optional<InvoiceSortKey> invoice_column_keys[] = {std::nullopt,
                                                                 InvoiceSortKey::InvoiceNumber,
                                                                 InvoiceSortKey::Period,
                                                                 InvoiceSortKey::DueDate,
                                                                 InvoiceSortKey::Total,
                                                                 std::nullopt,
                                                                 std::nullopt};

ui::ColumnSort invoice_column_sort(const InvoiceSort& sort) {
    if (sort == default_invoice_sort)
        return {};
    for (int i = 0; i < static_cast<int>(std::size(invoice_column_keys)); ++i)
        if (invoice_column_keys[i] == sort.key)
            return {i, !sort.descending};
    return {};
}

InvoiceSort invoice_sort(const ui::ColumnSort& column) {
    if (column.column < 0 || column.column >= static_cast<int>(std::size(invoice_column_keys)) ||
        !invoice_column_keys[column.column])
        return default_invoice_sort;
    return {*invoice_column_keys[column.column], !column.ascending};
}

class BillingView : public View {
public:
    explicit BillingView(ConsoleApp& app) : View(app), section_(static_cast<Billing&>(*app.find("billing"))) {}

    std::string_view section() const override { return "billing"; }
    Text label() const override { return Text::NavBilling; }
    void draw(bool entered) override {
        Billing& b = section_;
        if (b.screen() != Billing::Screen::Invoice) {
            wui::heading(tr(label()), wui::title_font_size);
            if (wui::toggle_button(tr(runs_tab), "button:runs", b.screen() == Billing::Screen::Runs) &&
                b.screen() != Billing::Screen::Runs)
                app_.go(Place{"billing", "", ""});
            ImGui::SameLine();
            if (wui::toggle_button(tr(invoices_tab), "button:invoices", b.screen() == Billing::Screen::Invoices) &&
                b.screen() != Billing::Screen::Invoices)
                app_.go(Place{"billing", "", "invoices"});
            wui::gap(10.0f);
        }
        switch (b.screen()) {
        case Billing::Screen::Runs: draw_runs(); break;
        case Billing::Screen::Invoices: draw_invoices(entered); break;
        case Billing::Screen::Invoice: draw_invoice(); break;
        }
        draw_run_dialog();
        draw_payment_form(b.payment_form(), b.notice(), lang(), [&b] { b.dismiss_notice(); });
    }

private:
    void draw_runs() {
        Billing& b = section_;
        if (b.may_write() && wui::primary_button(tr(run_period_button), "button:run_period"))
            b.start_run();
        wui::gap(10.0f);
        if (b.runs().empty()) {
            if (b.busy().empty())
                wui::muted_text(tr(no_runs));
            return;
        }
        if (ui::begin_table("runs", 5, false)) {
            ImGui::TableSetupColumn(tr(period_column).data());
            ImGui::TableSetupColumn(tr(invoices_column).data());
            ImGui::TableSetupColumn(tr(total_label).data());
            ImGui::TableSetupColumn(tr(run_at_column).data());
            ImGui::TableSetupColumn(tr(by_column).data());
            ImGui::TableHeadersRow();
            for (const RunListEntry& r : b.runs()) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                if (ui::row_opener(r.period, r.billing_run_id))
                    app_.go(Place{"billing", "", "invoices:period=" + r.period});
                ImGui::TableNextColumn();
                wui::text(std::to_string(r.invoice_count));
                ImGui::TableNextColumn();
                wui::text(format_money(r.total, lang()));
                ImGui::TableNextColumn();
                wui::text(r.created_at);
                ImGui::TableNextColumn();
                wui::muted_text(r.actor);
            }
            ui::end_table();
        }
        std::int64_t page = b.runs_pagination().page;
        if (ui::pager("runs", b.runs_pagination(), page, tr(Text::PreviousPage), tr(Text::NextPage)))
            b.load_runs(page);
    }

    void draw_run_dialog() {
        Billing& b = section_;
        bool open = b.run_step() != Billing::RunStep::Closed;
        if (!ui::begin_dialog("billing_run", tr(run_title), open))
            return;
        if (!open) { // Esc
            b.close_run();
            ui::end_dialog();
            return;
        }
        const Language l = lang();
        switch (b.run_step()) {
        case Billing::RunStep::Closed: break;
        case Billing::RunStep::Period: {
            draw_notice(b.notice(), l, [&b] { b.dismiss_notice(); });
            const bool idle = b.busy().empty();
            const auto period = ui::field("period", tr(period_label), b.run_period,
                                          {.hint = tr(period_hint),
                                           .error = b.run_period_error(),
                                           .enabled = idle,
                                           .password = false,
                                           .focus = ImGui::IsWindowAppearing()});
            if (!idle) {
                wui::progress(tr(Text::Loading));
                break;
            }
            if (wui::primary_button(tr(next_step), "button:preview_run") || period.submitted)
                b.preview_run();
            ImGui::SameLine();
            if (wui::secondary_button(tr(Text::Cancel), "button:cancel"))
                b.close_run();
            break;
        }
        case Billing::RunStep::Confirm: {
            draw_notice(b.notice(), l, [&b] { b.dismiss_notice(); });
            wui::bold_text(webapp::with_value(tr(confirm_question), b.run_period), wui::large_font_size);
            if (const auto& p = b.preview()) {
                wui::text(webapp::with_value(tr(contracts_count), std::to_string(p->contract_count)));
                wui::text(webapp::with_value(tr(expected_total), format_money(p->expected_total, l)));
            } else {
                wui::muted_text(tr(no_figures));
            }
            wui::muted_text(tr(once_only), wui::small_font_size);
            wui::gap(8.0f);
            if (wui::primary_button(tr(run_button), "button:confirm_run"))
                b.confirm_run();
            ImGui::SameLine();
            if (wui::secondary_button(tr(Text::Cancel), "button:cancel"))
                b.close_run();
            break;
        }
        case Billing::RunStep::Running: wui::progress(webapp::with_value(tr(running_text), b.run_period)); break;
        case Billing::RunStep::Result: {
            const BillingRunResult& r = *b.run_result();
            wui::bold_text(webapp::with_value(tr(result_heading), r.period), wui::large_font_size);
            if (!r.billing_run_id) {
                wui::banner(tr(nothing_billed), wui::Tone::Info, "run_result");
            } else {
                wui::banner(webapp::with_value(tr(invoices_issued), std::to_string(r.invoice_ids.size())),
                            wui::Tone::Success, "run_result");
                if (ui::begin_table("run_totals", 2, false)) {
                    const auto row = [&](const T& what, std::int64_t minor) {
                        ImGui::TableNextRow();
                        ImGui::TableNextColumn();
                        wui::text(tr(what));
                        ImGui::TableNextColumn();
                        wui::bold_text(money(minor, r.currency, l));
                    };
                    row(subtotal_label, r.subtotal_minor);
                    row(tax_label, r.tax_minor);
                    row(total_label, r.total_minor);
                    ui::end_table();
                }
            }
            if (r.skipped_already_billed > 0)
                wui::muted_text(webapp::with_value(tr(already_billed), std::to_string(r.skipped_already_billed)));
            wui::gap(8.0f);
            if (r.billing_run_id && wui::primary_button(tr(see_invoices), "button:run_invoices")) {
                b.open_run_invoices();
                break;
            }
            if (r.billing_run_id)
                ImGui::SameLine();
            if (wui::secondary_button(tr(close_label), "button:close"))
                b.close_run();
            break;
        }
        }
        ui::end_dialog();
    }

    void draw_invoices(bool entered) {
        Billing& b = section_;
        InvoiceFilters& f = b.filters;
        std::string status = f.status.empty() ? "any" : f.status;
        if (ui::choice("status", tr(status_label), status, {"any", "open", "partially_paid", "paid", "overdue"},
                       {std::string{tr(any_label)}, std::string{status_word("open", lang())},
                        std::string{status_word("partially_paid", lang())}, std::string{status_word("paid", lang())},
                        std::string{status_word("overdue", lang())}})) {
            f.status = status == "any" ? "" : status;
            b.apply_filters();
            return;
        }
        std::string service = f.service.empty() ? "any" : f.service;
        if (ui::choice("service", tr(service_label), service, {"any", "mobile", "internet", "landline"},
                       {std::string{tr(any_label)}, std::string{tr(mobile_label)}, std::string{tr(internet_label)},
                        std::string{tr(landline_label)}})) {
            f.service = service == "any" ? "" : service;
            b.apply_filters();
            return;
        }
        bool submit = false;
        if (ImGui::BeginTable("invoice_filters", 3, ImGuiTableFlags_SizingStretchSame)) {
            ImGui::TableNextColumn();
            submit |= ui::field("client_id", tr(client_label), f.client_id,
                                {.hint = {}, .error = {}, .enabled = true, .password = false, .focus = entered})
                          .submitted;
            ImGui::TableNextColumn();
            submit |= ui::field("offer_id", tr(offer_label), f.offer_id).submitted;
            ImGui::TableNextColumn();
            submit |= ui::field("invoice_period", tr(filter_period_label), f.period).submitted;
            ImGui::EndTable();
        }
        if (wui::secondary_button(tr(apply_label), "button:apply_filters") || submit) {
            b.apply_filters();
            return;
        }
        wui::gap(8.0f);
        if (b.invoice_count() <= 0) {
            if (b.busy().empty())
                wui::muted_text(tr(Text::NothingFound));
            return;
        }
        // One list of every invoice, however many: only the rows on screen are drawn, and their
        // pages read as they come into view (a row not here yet shows "...").
        const float list_height = std::max(240.0f, ImGui::GetContentRegionAvail().y / wui::scale() - 8.0f);
        // The default order (newest first) is no column's: a third click on a header returns to it.
        // Under 760 CSS px (a 768-px tablet, the navigation beside it) the period and the due
        // date give way to the customer's name and the amounts: the invoice's page shows them.
        const bool narrow = ui::narrow_content();
        if (ui::begin_server_sorted_table("invoices", 7, true, list_height, true)) {
            ImGui::TableSetupScrollFreeze(0, 1);
            constexpr ImGuiTableColumnFlags no_sort = ImGuiTableColumnFlags_NoSort;
            ImGui::TableSetupColumn(tr(customer_column).data(), ImGuiTableColumnFlags_WidthStretch | no_sort, 2.0f);
            // Values of a known length keep their width (fitted to what is on screen); the
            // customer's name takes what is left.
            constexpr ImGuiTableColumnFlags fit = ImGuiTableColumnFlags_WidthFixed;
            ImGui::TableSetupColumn(tr(number_column).data(), fit);
            ImGui::TableSetupColumn(tr(period_column).data(), fit);
            ImGui::TableSetupColumn(tr(due_column).data(), fit);
            ImGui::TableSetupColumn(tr(total_label).data(), fit);
            ImGui::TableSetupColumn(tr(outstanding_label).data(), fit | no_sort);
            ImGui::TableSetupColumn(tr(status_label).data(), fit | no_sort);
            ImGui::TableSetColumnEnabled(2, !narrow);
            ImGui::TableSetColumnEnabled(3, !narrow);
            ImGui::TableHeadersRow();
            if (const auto clicked = ui::server_sort(invoice_column_sort(b.sort()))) {
                ui::end_table();
                b.sort_by(invoice_sort(*clicked));
                return;
            }
            std::string opened;
            ui::clipped_rows(
                b.invoice_count(),
                [&b](std::int64_t first, std::int64_t last) {
                    b.show_invoice_rows(first, last, ImGui::GetTime() * 1000.0);
                },
                [&](std::int64_t index) {
                    ImGui::TableNextRow();
                    ImGui::TableNextColumn();
                    const StaffInvoice* s = b.invoice_row(index);
                    if (!s) {
                        ui::cell("\u2026");
                        return;
                    }
                    const Invoice& i = s->invoice;
                    if (ui::row_opener(i.client.first_name + " " + i.client.last_name, i.invoice_id))
                        opened = i.invoice_id;
                    ImGui::TableNextColumn();
                    ui::copyable(i.invoice_number, tr(Text::Copied));
                    if (ImGui::TableNextColumn()) // hidden on a narrow screen
                        ui::cell(i.period);
                    if (ImGui::TableNextColumn())
                        ui::cell(i.due_date.to_iso());
                    ImGui::TableNextColumn();
                    ui::cell(money(i.total_minor, i.currency, lang()));
                    ImGui::TableNextColumn();
                    ui::cell(money(outstanding_minor(i), i.currency, lang()));
                    ImGui::TableNextColumn();
                    status_text(s->status, lang(), true);
                });
            ui::end_table();
            if (!opened.empty()) {
                b.open_invoice(opened);
                return;
            }
        }
    }

    void draw_invoice() {
        Billing& b = section_;
        if (!b.invoice())
            return; // loading: the top bar shows it
        const StaffInvoice& s = *b.invoice();
        const Invoice& i = s.invoice;
        const Language l = lang();
        wui::heading(webapp::with_value(tr(invoice_heading), i.invoice_number), wui::title_font_size);
        ui::copyable(i.invoice_number, tr(Text::Copied));
        status_text(s.status, l);
        if (wui::secondary_button(i.client.first_name + " " + i.client.last_name + "  (" + i.client.cin + ")",
                                  "button:open_customer"))
            b.open_customer();
        wui::muted_text(webapp::with_value(tr(billed_days), i.period) + "  \u00b7  " +
                        webapp::with_value(tr(issued_due), i.issue_date.to_iso()) + i.due_date.to_iso());
        wui::gap(10.0f);

        if (wui::secondary_button(tr(pdf_button), "button:invoice_pdf"))
            b.open_pdf();
        ImGui::SameLine();
        if (wui::secondary_button(tr(payments_button), "button:invoice_payments")) {
            app_.go(Place{"payments", "", "invoice_id=" + i.invoice_id});
            return;
        }
        if (b.may_write() && outstanding_minor(i) > 0) {
            ImGui::SameLine();
            if (wui::primary_button(tr(record_button), "button:record_payment"))
                b.record_payment();
        }
        wui::gap(10.0f);

        if (!i.lines.empty() && ui::begin_table("invoice_lines", 6, false)) {
            ImGui::TableSetupColumn(tr(offer_column).data(), ImGuiTableColumnFlags_WidthStretch, 2.0f);
            ImGui::TableSetupColumn(tr(line_column).data(), ImGuiTableColumnFlags_WidthStretch, 2.0f);
            ImGui::TableSetupColumn(tr(days_column).data());
            ImGui::TableSetupColumn(tr(amount_column).data());
            ImGui::TableSetupColumn(tr(tax_label).data());
            ImGui::TableSetupColumn(tr(total_label).data());
            ImGui::TableHeadersRow();
            for (const InvoiceLine& line : i.lines) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextWrapped("%s", line.offer_name.c_str());
                ImGui::TableNextColumn();
                ImGui::TextWrapped("%s", (line.service_identifier + "\n" + line.from_date.to_iso() + " \u2192 " +
                                          line.to_date.to_iso())
                                             .c_str());
                ImGui::TableNextColumn();
                wui::text(std::to_string(line.days) + " / " + std::to_string(line.days_in_period));
                ImGui::TableNextColumn();
                wui::text(money(line.amount_minor, i.currency, l));
                ImGui::TableNextColumn();
                wui::text(money(line.tax_minor, i.currency, l));
                ImGui::TableNextColumn();
                wui::text(money(line.total_minor, i.currency, l));
            }
            ui::end_table();
        }
        wui::gap(8.0f);
        if (ui::begin_table("invoice_totals", 2, false)) {
            const auto row = [&](const T& what, std::int64_t minor, bool strong) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                wui::text(tr(what));
                ImGui::TableNextColumn();
                if (strong)
                    wui::bold_text(money(minor, i.currency, l));
                else
                    wui::text(money(minor, i.currency, l));
            };
            row(subtotal_label, i.subtotal_minor, false);
            row(tax_label, i.tax_minor, false);
            row(total_label, i.total_minor, true);
            row(paid_label, i.paid_minor, false);
            row(outstanding_label, outstanding_minor(i), true);
            ui::end_table();
        }
    }

    Billing& section_;
};

const RegisterView<BillingView> registered;

} // namespace
} // namespace isp::console
