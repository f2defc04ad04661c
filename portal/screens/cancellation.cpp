#include "portal/screens/cancellation.h"

#include "imgui.h"
#include "portal/screens/screen_registry.h"
#include "shared/domain/money.h"
#include "webapp/ui/semantics_recorder.h"
#include "webapp/ui/theme.h"
#include "webapp/ui/widgets.h"

namespace isp::portal {
namespace {

const RegisterScreen<CancellationScreen> registered; // drawn when CustomerJourney::screen() is "cancellation"

} // namespace

std::string CancellationScreen::title() const {
    return std::string{tr(Text::CancellationHeading)} + " \u2013 " + Screen::title();
}

void CancellationScreen::draw_content() {
    const Subscription* s = journey_.selected();
    if (!s)
        return;
    const bool idle = journey_.busy() == CustomerBusy::None;
    webapp::ui::heading(tr(Text::CancellationHeading), webapp::ui::title_font_size);
    webapp::ui::bold_text(s->offer.name, webapp::ui::large_font_size);
    webapp::ui::text(std::string{tr(Text::Line)} + " : " + s->contract.service_identifier + "  \u00b7  " +
                     std::string{tr(Text::CommitmentEnd)} + " : " +
                     (s->commitment_end.empty() ? std::string{tr(Text::NoCommitment)} : s->commitment_end));
    webapp::ui::gap(12.0f);
    ImGui::BeginDisabled(!idle);
    webapp::ui::begin_group(webapp::semantics::Role::RadioGroup, tr(Text::TerminationDate));
    const bool at_end = journey_.cancellation_choice() == CancellationChoice::CommitmentEnd;
    if (webapp::ui::radio_button(
            text(Text::CancelAtCommitmentEnd, lang(), journey_.commitment_end_termination(*s).to_iso()),
            "cancellation_choice:commitment_end", at_end))
        journey_.choose_cancellation(CancellationChoice::CommitmentEnd);
    if (webapp::ui::radio_button(tr(Text::CancelEarlier), "cancellation_choice:chosen_date", !at_end))
        journey_.choose_cancellation(CancellationChoice::ChosenDate);
    webapp::ui::end_group();
    ImGui::EndDisabled();
    if (!at_end) {
        const auto date_error = journey_.shown_error("termination_date");
        // Labelled on screen as every field is (the tree reads the label and hint with it).
        webapp::ui::bold_text(tr(Text::TerminationDate));
        webapp::ui::muted_text(tr(Text::EffectiveDateHint), webapp::ui::small_font_size);
        const webapp::ui::FieldEvents events =
            webapp::ui::text_input("termination_date", journey_.termination_date(), date_error.has_value(), idle,
                                   {.label = tr(Text::TerminationDate),
                                    .hint = tr(Text::EffectiveDateHint),
                                    .error = date_error ? std::string_view{*date_error} : std::string_view{}});
        if (events.edited)
            journey_.field_edited("termination_date");
        if (events.left)
            journey_.field_left("termination_date");
        if (date_error)
            webapp::ui::error_text(*date_error);
    }
    webapp::ui::gap(10.0f);
    // The amount, by the rule the server bills with, before anything is confirmed.
    if (const auto amount = journey_.early_termination_preview())
        webapp::ui::bold_text(amount->amount_minor > 0
                                  ? text(Text::EarlyTerminationAmount, lang(), format_money(*amount, lang()))
                                  : std::string{tr(Text::NoEarlyTerminationAmount)});
    webapp::ui::gap(10.0f);
    if (const auto& notice = journey_.notice()) {
        const std::string message = worded(*notice, lang());
        webapp::ui::banner(message, notice->error ? webapp::ui::Tone::Error : webapp::ui::Tone::Info, "notice");
        webapp::ui::gap(8.0f);
    }
    const float width = narrow() ? -1.0f : 0.0f;
    if (webapp::ui::primary_button(tr(Text::ConfirmCancellation), "button:confirm_cancellation", idle, width))
        journey_.confirm_cancellation();
    if (!narrow())
        ImGui::SameLine();
    if (webapp::ui::secondary_button(tr(Text::Back), "button:back", idle, width))
        journey_.back_to_dashboard();
    if (journey_.busy() == CustomerBusy::Cancelling)
        webapp::ui::progress(tr(Text::SubmittingCancellation));
}

} // namespace isp::portal
