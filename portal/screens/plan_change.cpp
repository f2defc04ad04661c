#include "portal/screens/plan_change.h"

#include "imgui.h"
#include "portal/screens/screen_registry.h"
#include "shared/domain/money.h"
#include "shared/domain/month_names.h"
#include "webapp/ui/semantics_recorder.h"
#include "webapp/ui/test_probe.h"
#include "webapp/ui/theme.h"
#include "webapp/ui/widgets.h"

namespace isp::portal {
namespace {

const RegisterScreen<PlanChangeScreen> registered; // drawn when CustomerJourney::screen() is "plan_change"

// "+100,00 MAD" for an upgrade, "-50,00 MAD" for a downgrade.
std::string signed_money(const Money& money, Language language) {
    std::string out = format_money(money, language);
    if (money.amount_minor > 0)
        out.insert(0, "+");
    return out;
}

} // namespace

std::string PlanChangeScreen::title() const {
    return std::string{tr(Text::PlanChangeHeading)} + " \u2013 " + Screen::title();
}

// What the month of the change will cost, computed by the billing rules themselves.
void PlanChangeScreen::draw_preview() {
    const auto bill = journey_.first_invoice_preview();
    if (!bill)
        return;
    const Date first = bill->first_day();
    const std::string month = std::string{month_name(first.month, lang())} + " " + std::to_string(first.year);
    webapp::ui::bold_text(text(Text::FirstInvoicePreview, lang(), month));
    for (const ProratedLine& line : bill->lines) {
        const Subscription* s = journey_.selected();
        const EligibleOffer* t = journey_.target();
        const std::string& name = s && line.offer_id == s->offer.offer_id ? s->offer.name
                                  : t                                     ? t->offer.name
                                                                          : line.offer_id;
        webapp::ui::text(
            name + "  ·  " + line.from.to_iso() + " → " + line.to.to_iso() + "  ·  " +
            text(Text::LineDays, lang(), std::to_string(line.days) + "/" + std::to_string(line.days_in_period)) +
            "  ·  " + format_money(Money{line.total_minor, bill->currency}, lang()));
    }
    webapp::ui::bold_text(std::string{tr(Text::InvoiceTotal)} + " : " +
                          format_money(Money{bill->total_minor, bill->currency}, lang()));
    webapp::ui::probe::item("preview:total");
    webapp::ui::gap(14.0f);
}

void PlanChangeScreen::draw_content() {
    const Subscription* s = journey_.selected();
    if (!s)
        return;
    const bool idle = journey_.busy() == CustomerBusy::None;
    webapp::ui::heading(tr(Text::PlanChangeHeading), webapp::ui::title_font_size);
    webapp::ui::muted_text(tr(Text::CurrentOffer), webapp::ui::small_font_size);
    webapp::ui::bold_text(s->offer.name, webapp::ui::large_font_size);
    webapp::ui::text(format_money(s->monthly_price, lang()) + " " + std::string{tr(Text::ExclTaxPerMonth)} +
                     "  \u00b7  " + std::string{tr(Text::Line)} + " : " + s->contract.service_identifier);
    webapp::ui::gap(12.0f);

    webapp::ui::bold_text(tr(Text::ChooseNewOffer));
    if (s->eligible_offers.empty())
        webapp::ui::muted_text(tr(Text::NoEligibleOffers));
    ImGui::BeginDisabled(!idle);
    webapp::ui::begin_group(webapp::semantics::Role::RadioGroup, tr(Text::ChooseNewOffer));
    for (const EligibleOffer& e : s->eligible_offers) {
        ImGui::PushID(e.offer.offer_id.c_str());
        const bool chosen = journey_.target_offer_id() == e.offer.offer_id;
        if (webapp::ui::radio_button(e.offer.name, "offer_choice:" + e.offer.offer_id, chosen))
            journey_.choose_target(e.offer.offer_id);
        ImGui::Indent(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x);
        const bool upgrade = e.direction == "upgrade";
        webapp::ui::muted_text(std::string{tr(upgrade ? Text::Upgrade : Text::Downgrade)} + "  \u00b7  " +
                                   text(Text::DifferencePerMonth, lang(), signed_money(e.monthly_difference, lang())) +
                                   "  \u00b7  " + format_money(price_with_tax(e.offer), lang()) + " " +
                                   std::string{tr(Text::InclTaxPerMonth)},
                               webapp::ui::small_font_size);
        ImGui::Unindent(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x);
        ImGui::PopID();
        webapp::ui::gap(4.0f);
    }
    webapp::ui::end_group();
    ImGui::EndDisabled();
    if (const auto error = journey_.shown_error("target_offer_id"))
        webapp::ui::error_text(*error);
    webapp::ui::gap(10.0f);

    webapp::ui::bold_text(tr(Text::EffectiveDate));
    webapp::ui::muted_text(tr(Text::EffectiveDateHint), webapp::ui::small_font_size);
    const auto date_error = journey_.shown_error("effective_date");
    const webapp::ui::FieldEvents events =
        webapp::ui::text_input("effective_date", journey_.effective_date(), date_error.has_value(), idle,
                               {.label = tr(Text::EffectiveDate),
                                .hint = tr(Text::EffectiveDateHint),
                                .error = date_error ? std::string_view{*date_error} : std::string_view{}});
    if (events.edited)
        journey_.field_edited("effective_date");
    if (events.left)
        journey_.field_left("effective_date");
    if (events.submitted && idle)
        journey_.confirm_change();
    if (date_error)
        webapp::ui::error_text(*date_error);
    if (const auto error = journey_.shown_error("contract_id"))
        webapp::ui::error_text(*error);
    webapp::ui::gap(14.0f);
    draw_preview();

    if (const auto& notice = journey_.notice()) {
        const std::string message = worded(*notice, lang());
        webapp::ui::banner(message, notice->error ? webapp::ui::Tone::Error : webapp::ui::Tone::Info, "notice");
        webapp::ui::gap(8.0f);
    }
    const float width = narrow() ? -1.0f : 0.0f;
    if (webapp::ui::primary_button(tr(Text::ConfirmChange), "button:confirm_change", idle, width))
        journey_.confirm_change();
    if (!narrow())
        ImGui::SameLine();
    if (webapp::ui::secondary_button(tr(Text::Back), "button:back", idle, width))
        journey_.back_to_dashboard();
    if (journey_.busy() == CustomerBusy::Submitting)
        webapp::ui::progress(tr(Text::SubmittingChange));
}

} // namespace isp::portal
