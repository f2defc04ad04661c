#include "portal/screens/cancelled.h"

#include "imgui.h"
#include "portal/screens/screen_registry.h"
#include "shared/domain/money.h"
#include "webapp/ui/test_probe.h"
#include "webapp/ui/theme.h"
#include "webapp/ui/widgets.h"

namespace isp::portal {
namespace {

const RegisterScreen<CancelledScreen> registered; // drawn when CustomerJourney::screen() is "cancelled"

} // namespace

std::string CancelledScreen::title() const {
    return std::string{tr(Text::CancellationRecordedHeading)} + " \u2013 " + Screen::title();
}

void CancelledScreen::draw_content() {
    const auto& result = journey_.cancellation_result();
    if (!result)
        return;
    const bool idle = journey_.busy() == CustomerBusy::None;
    webapp::ui::banner(tr(Text::CancellationRecordedHeading), webapp::ui::Tone::Success);
    webapp::ui::gap(12.0f);
    auto line = [this](Text label, const std::string& value) {
        webapp::ui::muted_text(tr(label), webapp::ui::small_font_size);
        webapp::ui::text(value);
        webapp::ui::gap(6.0f);
    };
    if (!result->contract.contract_number.empty())
        line(Text::ContractNumber, result->contract.contract_number);
    line(Text::TerminationDate, result->cancellation.termination_date.to_iso());
    const Money& amount = result->cancellation.early_termination_amount;
    webapp::ui::text(amount.amount_minor > 0 ? text(Text::EarlyTerminationAmount, lang(), format_money(amount, lang()))
                                             : std::string{tr(Text::NoEarlyTerminationAmount)});
    webapp::ui::gap(6.0f);
    line(Text::ContractVersion, std::to_string(result->document.document_version));
    webapp::ui::probe::item("document_version");
    webapp::ui::gap(8.0f);
    const std::string& id = result->contract.contract_id;
    const float width = narrow() ? -1.0f : 0.0f;
    if (webapp::ui::primary_button(tr(Text::DownloadContract), "button:download_contract:" + id, idle, width))
        journey_.download_contract(id);
    if (!narrow())
        ImGui::SameLine();
    if (webapp::ui::secondary_button(tr(Text::BackToSubscriptions), "button:back_to_subscriptions", idle, width))
        journey_.back_to_dashboard();
}

} // namespace isp::portal
