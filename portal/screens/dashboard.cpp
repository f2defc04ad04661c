#include "portal/screens/dashboard.h"

#include "imgui.h"
#include "portal/screens/screen_registry.h"
#include "shared/domain/money.h"
#include "webapp/ui/box.h"
#include "webapp/ui/theme.h"
#include "webapp/ui/widgets.h"

namespace isp::portal {
namespace {

const RegisterScreen<DashboardScreen> registered; // drawn when CustomerJourney::screen() is "dashboard"

} // namespace

// The changes waiting for their date, each with a button to take it back when the customer
// asked for it.
void DashboardScreen::draw_scheduled_changes(const Subscription& s, bool idle) {
    if (s.scheduled_changes.empty())
        return;
    webapp::ui::gap(4.0f);
    webapp::ui::bold_text(tr(Text::ScheduledChanges));
    for (std::size_t i = 0; i < s.scheduled_changes.size(); ++i) {
        const ScheduledChange& c = s.scheduled_changes[i];
        const std::string date = c.effective_date.to_iso();
        Text what = Text::ScheduledOfferChange;
        if (c.kind == ScheduledChangeKind::Status)
            what = c.status == ContractStatus::Terminated  ? Text::ScheduledTermination
                   : c.status == ContractStatus::Suspended ? Text::ScheduledSuspension
                                                           : Text::ScheduledResumption;
        webapp::ui::text(text(what, lang(), date));
        if (i < s.cancellable.size() && s.cancellable[i]) {
            ImGui::SameLine();
            if (webapp::ui::secondary_button(tr(Text::CancelScheduledChange),
                                             "button:cancel_scheduled_change:" + c.change_id, idle))
                journey_.cancel_scheduled_change(s.contract.contract_id, c.change_id);
        }
    }
}

std::string DashboardScreen::title() const {
    return std::string{tr(Text::DashboardIntro)} + " \u2013 " + Screen::title();
}

void DashboardScreen::draw_content() {
    const bool idle = journey_.busy() == CustomerBusy::None;
    webapp::ui::heading(text(Text::DashboardHeading, lang(), journey_.first_name()), webapp::ui::title_font_size);
    webapp::ui::muted_text(tr(Text::DashboardIntro));
    webapp::ui::gap(8.0f);
    if (const auto& notice = journey_.notice()) {
        const std::string message = worded(*notice, lang());
        webapp::ui::banner(message, notice->error ? webapp::ui::Tone::Error : webapp::ui::Tone::Info, "notice");
        webapp::ui::gap(8.0f);
    }
    if (journey_.busy() == CustomerBusy::Linking)
        webapp::ui::progress(tr(Text::PreparingDocument));
    if (journey_.busy() == CustomerBusy::LoadingInvoices)
        webapp::ui::progress(tr(Text::LoadingInvoices));
    // What is owed, the part past its due date in the error tone (the invoices screen lists them).
    const Subscriptions& all = journey_.subscriptions();
    if (all.balance_due.amount_minor > 0) {
        webapp::ui::bold_text(text(Text::BalanceDue, lang(), format_money(all.balance_due, lang())));
        if (all.balance_past_due.amount_minor > 0)
            webapp::ui::banner(text(Text::BalancePastDue, lang(), format_money(all.balance_past_due, lang())),
                               webapp::ui::Tone::Error, "balance_past_due");
        webapp::ui::gap(8.0f);
    }
    const auto& subscriptions = all.subscriptions;
    if (subscriptions.empty())
        webapp::ui::muted_text(tr(Text::NoSubscriptions));
    const webapp::ui::Palette& p = webapp::ui::palette();
    for (const Subscription& s : subscriptions) {
        const std::string& id = s.contract.contract_id;
        ImGui::PushID(id.c_str());
        {
            const webapp::ui::Box box({p.surface, p.border});
            webapp::ui::bold_text(s.offer.name, webapp::ui::large_font_size);
            webapp::ui::muted_text(std::string{family_label(s.offer.family, lang())} + "  \u00b7  " +
                                       s.contract.contract_number,
                                   webapp::ui::small_font_size);
            webapp::ui::text(format_money(s.monthly_price_with_tax, lang()) + " " +
                             std::string{tr(Text::InclTaxPerMonth)} + "  \u00b7  " +
                             format_money(s.monthly_price, lang()) + " " + std::string{tr(Text::ExclTaxPerMonth)});
            webapp::ui::text(std::string{tr(Text::Line)} + " : " + s.contract.service_identifier);
            webapp::ui::text(std::string{tr(Text::StartDate)} + " : " + s.contract.contract_start_date.to_iso());
            webapp::ui::text(std::string{tr(Text::CommitmentEnd)} + " : " +
                             (s.commitment_end.empty() ? std::string{tr(Text::NoCommitment)} : s.commitment_end));
            if (!s.next_invoice_period.empty())
                webapp::ui::text(text(Text::NextInvoiceEstimate, lang(), s.next_invoice_period) + " : " +
                                 format_money(s.next_invoice_estimate, lang()));
            draw_scheduled_changes(s, idle);
            webapp::ui::gap(6.0f);
            const float width = narrow() ? -1.0f : 0.0f;
            if (webapp::ui::secondary_button(tr(Text::DownloadContract), "button:download_contract:" + id, idle, width))
                journey_.download_contract(id);
            if (!narrow())
                ImGui::SameLine();
            const bool active = s.contract.status == ContractStatus::Active;
            if (webapp::ui::primary_button(tr(Text::ChangePlan), "button:change_plan:" + id, idle && active, width))
                journey_.open_plan_change(id);
            if (!narrow())
                ImGui::SameLine();
            const bool terminating = pending_termination(s.scheduled_changes) != nullptr;
            if (webapp::ui::secondary_button(tr(Text::CancelSubscription), "button:cancel_subscription:" + id,
                                             idle && !terminating && s.contract.status != ContractStatus::Terminated,
                                             width))
                journey_.open_cancellation(id);
        }
        ImGui::PopID();
        webapp::ui::gap(8.0f);
    }
    webapp::ui::gap(8.0f);
    const float width = narrow() ? -1.0f : 0.0f;
    if (webapp::ui::primary_button(tr(Text::MyInvoices), "button:invoices", idle, width))
        journey_.open_invoices();
    if (!narrow())
        ImGui::SameLine();
    if (webapp::ui::secondary_button(tr(Text::AddLine), "button:add_line", idle, width))
        journey_.add_line();
    if (!narrow())
        ImGui::SameLine();
    if (webapp::ui::secondary_button(tr(Text::BackToOffers), "button:back_to_offers", idle, width))
        journey_.leave();
}

} // namespace isp::portal
