#include "portal/screens/offers.h"

#include <algorithm>

#include "imgui.h"
#include "portal/screens/screen_registry.h"
#include "shared/domain/money.h"
#include "webapp/ui/box.h"
#include "webapp/ui/semantics_recorder.h"
#include "webapp/ui/test_probe.h"
#include "webapp/ui/theme.h"
#include "webapp/ui/widgets.h"

namespace isp::portal {
namespace {

const RegisterScreen<OffersScreen> registered; // drawn when SignupJourney::screen() is "offers"

constexpr float card_min_width = 240.0f; // CSS px: three cards side by side on a laptop, one on a phone

} // namespace

std::string OffersScreen::title() const {
    return std::string{tr(Text::OffersHeading)} + " \u2013 " + Screen::title();
}

void OffersScreen::draw_content() {
    webapp::ui::heading(tr(Text::OffersHeading), webapp::ui::title_font_size);
    webapp::ui::muted_text(tr(Text::OffersIntro));
    webapp::ui::gap(4.0f);
    if (const auto& known = journey_.known_client()) {
        // Adding a line: who for, and the way back to an ordinary signup.
        webapp::ui::banner(text(Text::AddingLineFor, lang(), known->first_name), webapp::ui::Tone::Info, "adding_line");
        if (webapp::ui::secondary_button(tr(Text::CancelAddLine), "button:cancel_add_line", true,
                                         narrow() ? -1.0f : 0.0f))
            journey_.forget_known_client();
    } else {
        webapp::ui::muted_text(tr(Text::ExistingCustomerIntro), webapp::ui::small_font_size);
        if (webapp::ui::secondary_button(tr(Text::ExistingCustomer), "button:existing_customer", true,
                                         narrow() ? -1.0f : 0.0f))
            customer_.start();
    }
    webapp::ui::gap(8.0f);
    if (const auto& notice = journey_.notice()) {
        const std::string message = worded(*notice, lang());
        webapp::ui::banner(message, notice->error ? webapp::ui::Tone::Error : webapp::ui::Tone::Info, "notice");
        webapp::ui::gap(8.0f);
    }
    const Bootstrap* catalog = session_.catalog;
    bool any = false;
    for (const OfferFamily& family : catalog ? catalog->families : std::vector<OfferFamily>{}) {
        if (family.offers.empty())
            continue;
        any = true;
        webapp::ui::gap(12.0f);
        const std::string& label = lang() == Language::French ? family.label_fr : family.label_en;
        webapp::ui::heading(label.empty() ? family_label(family.family, lang()) : std::string_view{label},
                            webapp::ui::large_font_size);
        ImGui::Separator();
        webapp::ui::gap(4.0f);

        const float spacing = ImGui::GetStyle().ItemSpacing.x;
        const float avail = ImGui::GetContentRegionAvail().x;
        const int columns =
            std::clamp(static_cast<int>((avail + spacing) / (webapp::ui::px(card_min_width) + spacing)), 1, 3);
        ImGui::PushID(static_cast<int>(family.family));
        if (ImGui::BeginTable("##offers", columns, ImGuiTableFlags_SizingStretchSame)) {
            for (const Offer& offer : family.offers) {
                ImGui::TableNextColumn();
                draw_offer_card(offer);
            }
            ImGui::EndTable();
        }
        ImGui::PopID();
    }
    if (!any)
        webapp::ui::muted_text(tr(Text::NoOffers));
}

void OffersScreen::draw_offer_card(const Offer& offer) {
    const webapp::ui::Palette& p = webapp::ui::palette();
    const bool chosen = offer.offer_id == journey_.form().offer_id;
    ImGui::PushID(offer.offer_id.c_str());
    {
        const webapp::ui::Box card({p.surface, chosen ? p.accent : p.border, chosen ? 2.0f : 1.0f});
        webapp::ui::bold_text(offer.name, webapp::ui::large_font_size);
        if (!offer.description.empty())
            webapp::ui::muted_text(offer.description);
        webapp::ui::gap(6.0f);
        // The rule for the price with tax lives in shared/ (price_with_tax), as on the server.
        const float price_top = ImGui::GetCursorPosY();
        ImGui::PushFont(webapp::ui::fonts().bold, webapp::ui::large_font_size);
        const float price_height = ImGui::GetTextLineHeight();
        ImGui::TextUnformatted(format_money(price_with_tax(offer), lang()).c_str());
        ImGui::PopFont();
        ImGui::SameLine();
        // Roughly on the price's baseline: both lines share their descent proportion.
        ImGui::SetCursorPosY(price_top + (price_height - ImGui::GetTextLineHeight()) * 0.8f);
        ImGui::TextUnformatted(tr(Text::InclTaxPerMonth).data(),
                               tr(Text::InclTaxPerMonth).data() + tr(Text::InclTaxPerMonth).size());
        webapp::ui::describe_text(format_money(price_with_tax(offer), lang()) + " " +
                                  std::string{tr(Text::InclTaxPerMonth)});
        webapp::ui::muted_text(format_money(offer.monthly_price, lang()) + " " +
                               std::string{tr(Text::ExclTaxPerMonth)});
        webapp::ui::muted_text(offer.commitment_months > 0 ? text(Text::MinCommitment, lang(), offer.commitment_months)
                                                           : std::string{tr(Text::NoCommitment)});
        webapp::ui::gap(8.0f);
        if (webapp::ui::primary_button(tr(Text::ChooseOffer), "offer:" + offer.offer_id, true, -1.0f))
            journey_.choose_offer(offer.offer_id);
    }
    ImGui::PopID();
    webapp::ui::gap(4.0f);
}

} // namespace isp::portal
