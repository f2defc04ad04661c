#include "portal/screens/signup.h"

#include "imgui.h"
#include "imgui_stdlib.h"
#include "portal/screens/screen_registry.h"
#include "shared/domain/money.h"
#include "webapp/ui/box.h"
#include "webapp/ui/semantics_recorder.h"
#include "webapp/ui/test_probe.h"
#include "webapp/ui/theme.h"
#include "webapp/ui/widgets.h"

namespace isp::portal {
namespace {

const RegisterScreen<SignupScreen> registered; // drawn when SignupJourney::screen() is "signup"

// What the browser may fill a field with (its autofill, a password manager's identities). The
// line to port is not the person's own number: no token.
webapp::semantics::FieldKind autofill_kind(std::string_view field) {
    using webapp::semantics::FieldKind;
    if (field == "first_name")
        return FieldKind::GivenName;
    if (field == "last_name")
        return FieldKind::FamilyName;
    if (field == "phone")
        return FieldKind::Telephone;
    if (field == "email")
        return FieldKind::Email;
    if (field == "address")
        return FieldKind::StreetAddress;
    return FieldKind::Text;
}

} // namespace

std::string SignupScreen::title() const {
    return std::string{tr(Text::DetailsHeading)} + " \u2013 " + Screen::title();
}

void SignupScreen::draw_content() {
    if (journey_.take_scroll_to_error())
        scroll_pending_ = true;
    const bool enabled = journey_.busy() != Busy::Submitting;

    webapp::ui::heading(tr(Text::DetailsHeading), webapp::ui::title_font_size);
    webapp::ui::gap(8.0f);
    draw_offer_summary();
    webapp::ui::gap(12.0f);
    if (const auto& known = journey_.known_client()) {
        webapp::ui::banner(text(Text::AddingLineFor, lang(), known->first_name), webapp::ui::Tone::Info, "adding_line");
        webapp::ui::gap(8.0f);
    }
    webapp::ui::muted_text(tr(Text::AllFieldsRequired));
    webapp::ui::gap(4.0f);
    draw_fields(enabled);
    draw_commitment(enabled);
    webapp::ui::gap(16.0f);
    if (const auto& notice = journey_.notice()) {
        const std::string message = worded(*notice, lang());
        webapp::ui::banner(message, notice->error ? webapp::ui::Tone::Error : webapp::ui::Tone::Info, "notice");
        webapp::ui::gap(8.0f);
    }
    // The CIN is a client's: the way on is to prove it, keeping what was chosen.
    if (journey_.verification_offered()) {
        if (webapp::ui::primary_button(tr(Text::VerifyIdentity), "button:verify_identity",
                                       journey_.busy() == Busy::None, narrow() ? -1.0f : 0.0f))
            journey_.verify_identity();
        webapp::ui::gap(8.0f);
    }
    draw_actions();
    draw_draft_link();
    scroll_pending_ = false; // no field had an error to scroll to
}

void SignupScreen::field_error(std::string_view field) {
    if (const auto error = journey_.shown_error(field)) {
        if (scroll_pending_) {
            ImGui::SetScrollHereY(0.3f);
            scroll_pending_ = false;
        }
        webapp::ui::error_text(*error);
    }
}

void SignupScreen::draw_offer_summary() {
    const webapp::ui::Palette& p = webapp::ui::palette();
    const webapp::ui::Box box({p.surface, p.border});
    webapp::ui::muted_text(tr(Text::SelectedOffer), webapp::ui::small_font_size);
    if (const Offer* offer = journey_.offer()) {
        webapp::ui::bold_text(offer->name, webapp::ui::large_font_size);
        webapp::ui::text(format_money(price_with_tax(*offer), lang()) + " " + std::string{tr(Text::InclTaxPerMonth)} +
                         "  \u00b7  " + format_money(offer->monthly_price, lang()) + " " +
                         std::string{tr(Text::ExclTaxPerMonth)});
    }
    field_error("offer_id");
    webapp::ui::gap(6.0f);
    if (webapp::ui::secondary_button(tr(Text::ChangeOffer), "button:change_offer", journey_.busy() == Busy::None))
        journey_.change_offer();
}

void SignupScreen::draw_fields(bool enabled) {
    SignupForm& form = journey_.form();
    for (const SignupField& field : signup_fields()) {
        std::string* value = SignupJourney::text_field(form, field.name);
        if (!value || !journey_.asks(field.name))
            continue; // offer_id: chosen on the offers screen; a known client's identity: on file
        const bool french = lang() == Language::French;
        ImGui::PushID(field.name.data(), field.name.data() + field.name.size());
        webapp::ui::bold_text(french ? field.label_fr : field.label_en);
        const std::string_view hint = french ? field.hint_fr : field.hint_en;
        if (!hint.empty())
            webapp::ui::muted_text(hint, webapp::ui::small_font_size);
        const auto error = journey_.shown_error(field.name);
        const webapp::ui::FieldEvents events =
            webapp::ui::text_input(field.name, *value, error.has_value(), enabled,
                                   {.label = french ? field.label_fr : field.label_en,
                                    .hint = hint,
                                    .error = error ? std::string_view{*error} : std::string_view{},
                                    .kind = autofill_kind(field.name)});
        if (events.edited)
            journey_.field_edited(field.name);
        if (events.left)
            journey_.field_left(field.name);
        if (events.submitted && enabled)
            journey_.submit();
        field_error(field.name);
        ImGui::PopID();
        webapp::ui::gap(6.0f);
    }
}

void SignupScreen::draw_commitment(bool enabled) {
    webapp::ui::bold_text(tr(Text::Commitment));
    const Bootstrap* catalog = session_.catalog;
    if (!catalog)
        return;
    ImGui::BeginDisabled(!enabled);
    webapp::ui::begin_group(webapp::semantics::Role::RadioGroup, tr(Text::Commitment));
    // One line while they fit, wrapping on a phone.
    const float right_edge = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    const float spacing = webapp::ui::px(20.0f);
    bool first = true;
    for (int months : catalog->commitment_options) {
        const std::string label =
            months == 0 ? std::string{tr(Text::NoCommitment)} : text(Text::Months, lang(), months);
        const float width =
            ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label.c_str()).x;
        if (!first && ImGui::GetItemRectMax().x + spacing + width <= right_edge)
            ImGui::SameLine(0.0f, spacing);
        first = false;
        ImGui::PushID(months);
        if (webapp::ui::radio_button(label, "commitment:" + std::to_string(months),
                                     journey_.form().commitment_months == months))
            journey_.set_commitment(months);
        ImGui::PopID();
    }
    webapp::ui::end_group();
    ImGui::EndDisabled();
    field_error("commitment_months");
}

void SignupScreen::draw_actions() {
    const Busy busy = journey_.busy();
    const bool idle = busy == Busy::None;
    // Side by side on a laptop, one above the other (full width) on a phone.
    const float width = narrow() ? -1.0f : 0.0f;
    if (webapp::ui::primary_button(tr(Text::Submit), "button:submit", idle, width))
        journey_.submit();
    // A draft is for a new client, who may need time to gather their details; a verified
    // client adding a line has none to gather.
    if (!journey_.known_client()) {
        if (!narrow())
            ImGui::SameLine();
        if (webapp::ui::secondary_button(tr(Text::SaveDraft), "button:save_draft", idle, width))
            journey_.save_draft();
    }
    if (busy == Busy::Submitting)
        webapp::ui::progress(tr(Text::Submitting));
    else if (busy == Busy::SavingDraft)
        webapp::ui::progress(tr(Text::SavingDraft));
}

void SignupScreen::draw_draft_link() {
    const std::string& link = journey_.draft_link();
    if (link.empty())
        return;
    webapp::ui::gap(12.0f);
    const webapp::ui::Palette& p = webapp::ui::palette();
    {
        const webapp::ui::Box box({p.info_surface, p.accent, 1.0f, ImVec2(12.0f, 10.0f)});
        const int ttl = session_.catalog ? session_.catalog->draft_ttl_days : 30;
        webapp::ui::text(text(Text::DraftSaved, lang(), ttl));
        // Read-only input: the person can select the link; the button copies it.
        std::string shown = link;
        ImGui::SetNextItemWidth(-1.0f);
        ImGui::InputText("##link", &shown, ImGuiInputTextFlags_ReadOnly);
        webapp::ui::probe::item("draft_link");
        if (webapp::ui::secondary_button(tr(Text::CopyLink), "button:copy_link"))
            copied_at_ = journey_.copy_draft_link() ? ImGui::GetTime() : -1.0;
        if (copied_at_ >= 0.0 && ImGui::GetTime() - copied_at_ < 3.0) {
            ImGui::SameLine();
            ImGui::AlignTextToFramePadding();
            webapp::ui::muted_text(tr(Text::LinkCopied));
        }
        if (journey_.draft_has_unsaved_changes())
            webapp::ui::muted_text(tr(Text::UnsavedChanges), webapp::ui::small_font_size);
    }
    if (journey_.drafts_saved() != drafts_seen_) {
        drafts_seen_ = journey_.drafts_saved();
        ImGui::SetScrollHereY(1.0f); // just saved: show the link under the buttons
    }
}

} // namespace isp::portal
