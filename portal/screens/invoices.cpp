#include "portal/screens/invoices.h"

#include <algorithm>

#include "imgui.h"
#include "portal/screens/screen_registry.h"
#include "shared/billing/invoice_history.h"
#include "shared/domain/money.h"
#include "shared/domain/month_names.h"
#include "webapp/ui/box.h"
#include "webapp/ui/semantics_recorder.h"
#include "webapp/ui/test_probe.h"
#include "webapp/ui/theme.h"
#include "webapp/ui/widgets.h"

namespace isp::portal {
namespace {

const RegisterScreen<InvoicesScreen> registered; // drawn when CustomerJourney::screen() is "invoices"

Text status_text(InvoiceStatus status) {
    switch (status) {
    case InvoiceStatus::Open: return Text::StatusOpen;
    case InvoiceStatus::PartiallyPaid: return Text::StatusPartiallyPaid;
    case InvoiceStatus::Paid: return Text::StatusPaid;
    case InvoiceStatus::Overdue: return Text::StatusOverdue;
    }
    return Text::StatusOpen;
}

ImVec4 status_colour(InvoiceStatus status) {
    const webapp::ui::Palette& p = webapp::ui::palette();
    switch (status) {
    case InvoiceStatus::Paid: return p.success;
    case InvoiceStatus::Overdue: return p.error;
    case InvoiceStatus::Open:
    case InvoiceStatus::PartiallyPaid: break;
    }
    return p.accent;
}

// "octobre 2026" from "2026-10".
std::string period_label(const Invoice& invoice, Language language) {
    return std::string{month_name(invoice.period_start.month, language)} + " " +
           std::to_string(invoice.period_start.year);
}

} // namespace

std::string InvoicesScreen::title() const {
    return std::string{tr(Text::InvoicesHeading)} + " \u2013 " + Screen::title();
}

void InvoicesScreen::draw_content() {
    const bool idle = journey_.busy() == CustomerBusy::None;
    webapp::ui::heading(tr(Text::InvoicesHeading), webapp::ui::title_font_size);
    if (const auto& notice = journey_.notice()) {
        const std::string message = worded(*notice, lang());
        webapp::ui::banner(message, notice->error ? webapp::ui::Tone::Error : webapp::ui::Tone::Info, "notice");
        webapp::ui::gap(8.0f);
    }
    const auto& invoices = journey_.invoices().invoices;
    if (invoices.empty()) {
        webapp::ui::muted_text(tr(Text::NoInvoices));
    } else {
        draw_chart();
        webapp::ui::gap(12.0f);
        draw_filters();
        webapp::ui::gap(10.0f);
        const auto& filter = journey_.invoice_filter();
        int shown = 0;
        for (const ClientInvoice& i : invoices) {
            if (filter && i.status != *filter)
                continue;
            draw_invoice(i, idle);
            ++shown;
        }
        if (shown == 0)
            webapp::ui::muted_text(tr(Text::NoInvoicesWithStatus));
    }
    webapp::ui::gap(8.0f);
    if (webapp::ui::secondary_button(tr(Text::BackToSubscriptions), "button:back_to_subscriptions", idle))
        journey_.back_to_dashboard();
}

// Twelve bars, oldest on the left; the tallest fills the chart. Hover shows the amount.
void InvoicesScreen::draw_chart() {
    webapp::ui::bold_text(tr(Text::LastTwelveMonths));
    const Date today = session_.catalog ? session_.catalog->today : Date{};
    std::vector<Invoice> all;
    for (const ClientInvoice& i : journey_.invoices().invoices)
        all.push_back(i.invoice);
    const auto months = last_twelve_months(all, today.year, today.month);
    std::int64_t highest = 1;
    for (const MonthAmount& m : months)
        highest = std::max(highest, m.total_minor);

    const webapp::ui::Palette& p = webapp::ui::palette();
    const float label_height = ImGui::GetTextLineHeight() * 0.9f;
    const float chart_height = webapp::ui::px(110.0f);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::InvisibleButton("##chart", ImVec2(width, chart_height + label_height + webapp::ui::px(4.0f)));
    webapp::ui::probe::item("chart:invoices");
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float slot = width / 12.0f;
    const float bar = slot * 0.62f;
    const std::string currency = session_.catalog ? session_.catalog->currency : std::string{"MAD"};
    for (std::size_t i = 0; i < months.size(); ++i) {
        const MonthAmount& m = months[i];
        const float x = origin.x + slot * static_cast<float>(i) + (slot - bar) / 2.0f;
        const float h = chart_height * static_cast<float>(m.total_minor) / static_cast<float>(highest);
        const ImVec2 top(x, origin.y + chart_height - std::max(h, m.total_minor > 0 ? webapp::ui::px(2.0f) : 0.0f));
        const ImVec2 bottom(x + bar, origin.y + chart_height);
        const bool hovered = ImGui::IsMouseHoveringRect(ImVec2(x, origin.y), ImVec2(x + bar, bottom.y));
        draw->AddRectFilled(top, bottom, webapp::ui::color(hovered ? p.accent_hovered : p.accent),
                            webapp::ui::px(3.0f));
        const std::string label{short_month_name(m.month, lang(), narrow())};
        const float label_width = ImGui::CalcTextSize(label.c_str()).x * 0.85f;
        draw->AddText(nullptr, ImGui::GetFontSize() * 0.85f,
                      ImVec2(x + (bar - label_width) / 2.0f, origin.y + chart_height + webapp::ui::px(3.0f)),
                      webapp::ui::color(p.muted), label.c_str());
        if (hovered)
            ImGui::SetTooltip("%s %d : %s", std::string{month_name(m.month, lang())}.c_str(), m.year,
                              format_money(Money{m.total_minor, currency}, lang()).c_str());
        // What the bar shows, as text for screen readers (the tooltip is the mouse's alone).
        webapp::ui::describe_text(std::string{month_name(m.month, lang())} + " " + std::to_string(m.year) + " : " +
                                  format_money(Money{m.total_minor, currency}, lang()));
    }
    draw->AddLine(ImVec2(origin.x, origin.y + chart_height), ImVec2(origin.x + width, origin.y + chart_height),
                  webapp::ui::color(p.border), webapp::ui::px(1.0f));
}

void InvoicesScreen::draw_filters() {
    const auto& filter = journey_.invoice_filter();
    const struct {
        std::optional<InvoiceStatus> status;
        Text label;
        const char* id;
    } choices[] = {{std::nullopt, Text::FilterAll, "filter:all"},
                   {InvoiceStatus::Open, Text::StatusOpen, "filter:open"},
                   {InvoiceStatus::Overdue, Text::StatusOverdue, "filter:overdue"},
                   {InvoiceStatus::PartiallyPaid, Text::StatusPartiallyPaid, "filter:partially_paid"},
                   {InvoiceStatus::Paid, Text::StatusPaid, "filter:paid"}};
    // Chips on one line, wrapping onto the next when the column is too narrow (a phone).
    const float right_edge = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    const ImGuiStyle& style = ImGui::GetStyle();
    bool first = true;
    for (const auto& c : choices) {
        const std::string label{tr(c.label)};
        const float needed = ImGui::CalcTextSize(label.c_str()).x + style.FramePadding.x * 2.0f;
        if (!first && ImGui::GetItemRectMax().x + style.ItemSpacing.x + needed <= right_edge)
            ImGui::SameLine();
        first = false;
        const bool selected = filter == c.status;
        if (webapp::ui::filter_button(label, c.id, selected))
            journey_.set_invoice_filter(c.status);
    }
}

void InvoicesScreen::draw_invoice(const ClientInvoice& ci, bool idle) {
    const Invoice& inv = ci.invoice;
    const webapp::ui::Palette& p = webapp::ui::palette();
    ImGui::PushID(inv.invoice_id.c_str());
    {
        const webapp::ui::Box box({p.surface, p.border});
        webapp::ui::bold_text(period_label(inv, lang()), webapp::ui::large_font_size);
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, status_colour(ci.status));
        webapp::ui::bold_text(tr(status_text(ci.status)));
        ImGui::PopStyleColor();
        webapp::ui::probe::item("status:" + inv.invoice_id);
        webapp::ui::muted_text(inv.invoice_number + "  \u00b7  " + text(Text::DueOn, lang(), inv.due_date.to_iso()),
                               webapp::ui::small_font_size);
        webapp::ui::text(std::string{tr(Text::InvoiceTotal)} + " : " +
                         format_money(Money{inv.total_minor, inv.currency}, lang()));
        if (ci.status != InvoiceStatus::Paid)
            webapp::ui::bold_text(std::string{tr(Text::Outstanding)} + " : " +
                                  format_money(Money{outstanding_minor(inv), inv.currency}, lang()));
        if (journey_.expanded_invoice() == inv.invoice_id) {
            webapp::ui::gap(4.0f);
            for (const InvoiceLine& l : inv.lines) {
                webapp::ui::text(l.offer_name + "  \u2013  " +
                                 format_money(Money{l.total_minor, inv.currency}, lang()));
                webapp::ui::muted_text(
                    l.from_date.to_iso() + " \u2192 " + l.to_date.to_iso() + "  \u00b7  " +
                        text(Text::LineDays, lang(), std::to_string(l.days) + "/" + std::to_string(l.days_in_period)),
                    webapp::ui::small_font_size);
            }
        }
        webapp::ui::gap(6.0f);
        const float width = narrow() ? -1.0f : 0.0f;
        const bool expanded = journey_.expanded_invoice() == inv.invoice_id;
        if (webapp::ui::secondary_button(tr(expanded ? Text::HideDetails : Text::ShowDetails),
                                         "button:details:" + inv.invoice_id, idle, width))
            journey_.toggle_invoice(inv.invoice_id);
        if (!narrow())
            ImGui::SameLine();
        if (webapp::ui::primary_button(tr(Text::DownloadInvoice), "button:download_invoice:" + inv.invoice_id,
                                       idle && !ci.document_download_url.empty(), width))
            journey_.download_invoice(inv.invoice_id);
    }
    ImGui::PopID();
    webapp::ui::gap(8.0f);
}

} // namespace isp::portal
