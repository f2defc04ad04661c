#include "portal/screens/plan_changed.h"

#include "imgui.h"
#include "portal/screens/screen_registry.h"
#include "shared/domain/money.h"
#include "webapp/ui/test_probe.h"
#include "webapp/ui/theme.h"
#include "webapp/ui/widgets.h"

namespace isp::portal {
namespace {

const RegisterScreen<PlanChangedScreen> registered; // drawn when CustomerJourney::screen() is "plan_changed"

} // namespace

std::string PlanChangedScreen::title() const {
    return std::string{tr(Text::PlanChangedHeading)} + " \u2013 " + Screen::title();
}

void PlanChangedScreen::draw_content() {
    const auto& result = journey_.change_result();
    if (!result)
        return;
    const bool idle = journey_.busy() == CustomerBusy::None;
    webapp::ui::banner(tr(Text::PlanChangedHeading), webapp::ui::Tone::Success);
    webapp::ui::gap(12.0f);
    auto line = [this](Text label, const std::string& value) {
        webapp::ui::muted_text(tr(label), webapp::ui::small_font_size);
        webapp::ui::text(value);
        webapp::ui::gap(6.0f);
    };
    if (!result->contract.contract_number.empty())
        line(Text::ContractNumber, result->contract.contract_number);
    line(Text::NewOffer, result->offer.name + "  (" +
                             std::string{tr(result->direction == "upgrade" ? Text::Upgrade : Text::Downgrade)} + ")");
    line(Text::MonthlyPrice, format_money(price_with_tax(result->offer), lang()) + " " +
                                 std::string{tr(Text::InclTaxPerMonth)} + "  \u00b7  " +
                                 format_money(result->offer.monthly_price, lang()) + " " +
                                 std::string{tr(Text::ExclTaxPerMonth)});
    line(Text::EffectiveDate, result->effective_date);
    line(Text::ContractVersion, std::to_string(result->document.document_version));
    webapp::ui::probe::item("document_version");
    webapp::ui::gap(8.0f);
    const float width = narrow() ? -1.0f : 0.0f;
    if (webapp::ui::primary_button(tr(Text::DownloadContract), "button:download_contract:" + result->contract_id, idle,
                                   width))
        journey_.download_contract(result->contract_id);
    if (!narrow())
        ImGui::SameLine();
    if (webapp::ui::secondary_button(tr(Text::BackToSubscriptions), "button:back_to_subscriptions", idle, width))
        journey_.back_to_dashboard();
}

} // namespace isp::portal
