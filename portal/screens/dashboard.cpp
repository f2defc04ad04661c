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
    const auto& subscriptions = journey_.subscriptions().subscriptions;
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
            webapp::ui::gap(6.0f);
            const float width = narrow() ? -1.0f : 0.0f;
            if (webapp::ui::secondary_button(tr(Text::DownloadContract), "button:download_contract:" + id, idle, width))
                journey_.download_contract(id);
            if (!narrow())
                ImGui::SameLine();
            const bool active = s.contract.status == ContractStatus::Active;
            if (webapp::ui::primary_button(tr(Text::ChangePlan), "button:change_plan:" + id, idle && active, width))
                journey_.open_plan_change(id);
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
