#include "portal/screens/confirmation.h"

#include "imgui.h"
#include "portal/screens/screen_registry.h"
#include "shared/domain/money.h"
#include "webapp/ui/test_probe.h"
#include "webapp/ui/theme.h"
#include "webapp/ui/widgets.h"

namespace isp::portal {
namespace {

const RegisterScreen<ConfirmationScreen> registered; // drawn when SignupJourney::screen() is "confirmation"

} // namespace

std::string ConfirmationScreen::title() const {
    std::string t{tr(Text::ConfirmationHeading)};
    if (const auto& c = journey_.contract())
        t += " (" + c->contract_number + ")";
    return t + " \u2013 " + Screen::title();
}

void ConfirmationScreen::detail_line(Text label, const std::string& value) {
    webapp::ui::muted_text(tr(label), webapp::ui::small_font_size);
    webapp::ui::text(value);
    webapp::ui::gap(6.0f);
}

void ConfirmationScreen::draw_content() {
    const auto& contract = journey_.contract();
    if (!contract)
        return;
    webapp::ui::banner(tr(Text::ConfirmationHeading), webapp::ui::Tone::Success);
    webapp::ui::gap(12.0f);
    webapp::ui::muted_text(tr(Text::ContractNumber));
    webapp::ui::heading(contract->contract_number, webapp::ui::title_font_size);
    webapp::ui::probe::item("contract_number");
    webapp::ui::muted_text(tr(Text::ConfirmationNote), webapp::ui::small_font_size);
    webapp::ui::gap(12.0f);
    ImGui::Separator();
    webapp::ui::gap(8.0f);
    const Offer& offer = contract->offer;
    detail_line(Text::Offer, offer.name);
    detail_line(Text::MonthlyPrice, format_money(price_with_tax(offer), lang()) + " " +
                                        std::string{tr(Text::InclTaxPerMonth)} + "  \u00b7  " +
                                        format_money(offer.monthly_price, lang()) + " " +
                                        std::string{tr(Text::ExclTaxPerMonth)});
    detail_line(Text::StartDate, contract->contract_start_date);
    webapp::ui::gap(8.0f);
    const float width = narrow() ? -1.0f : 0.0f;
    if (webapp::ui::primary_button(tr(Text::DownloadContract), "button:download",
                                   !contract->document_download_url.empty(), width))
        journey_.open_contract_document();
    if (!narrow())
        ImGui::SameLine();
    if (journey_.known_client()) {
        if (webapp::ui::secondary_button(tr(Text::BackToSubscriptions), "button:back_to_account", true, width))
            journey_.back_to_account();
    } else if (webapp::ui::secondary_button(tr(Text::NewSignup), "button:new_signup", true, width)) {
        journey_.start_over();
    }
}

} // namespace isp::portal
