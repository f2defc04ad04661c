#include "portal/screens/screen.h"

#include <algorithm>

#include "imgui.h"
#include "imgui_internal.h" // ActiveId / MoveId: a press on a window background
#include "webapp/ui/semantics_recorder.h"
#include "webapp/ui/test_probe.h"
#include "webapp/ui/theme.h"
#include "webapp/ui/widgets.h"

namespace isp::portal {
namespace {

constexpr float header_height = 56.0f; // CSS px
constexpr float logo_size = 36.0f;     // CSS px, the logo's height in the header
constexpr float side_margin = 16.0f;   // CSS px, the least space left and right of the column

} // namespace

std::string Screen::title() const {
    std::string t{tr(Text::PortalTitle)};
    if (session_.catalog) {
        t += " \u2013 ";
        t += session_.catalog->operator_name;
    }
    return t;
}

bool Screen::narrow() {
    return ImGui::GetContentRegionAvail().x < webapp::ui::px(520.0f);
}

void Screen::draw(bool entered) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float width = viewport->WorkSize.x;
    // The window's horizontal padding centres a column of readable width.
    const float column =
        std::min(width - 2.0f * webapp::ui::px(side_margin), webapp::ui::px(webapp::ui::column_max_width));
    const float margin = std::max(webapp::ui::px(side_margin), (width - column) * 0.5f);

    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(margin, 0.0f));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus;
    // One window per screen: its scroll and keyboard focus are its own.
    if (entered) {
        ImGui::SetNextWindowScroll(ImVec2(0.0f, 0.0f));
        ImGui::SetNextWindowFocus();
        webapp::ui::focus_first_field();        // a form screen starts in its first field (keyboard)
        webapp::ui::focus_heading_on_arrival(); // else the page's focus is on its title
    }
    const std::string window_id = "##screen_" + std::string{name_};
    ImGui::Begin(window_id.c_str(), nullptr, flags);
    ImGui::PopStyleVar();
    draw_header();
    webapp::ui::gap(20.0f);
    draw_content();
    webapp::ui::gap(40.0f);
    drag_to_scroll();
    ImGui::End();
}

void Screen::drag_to_scroll() {
    // Phones have no wheel: a finger dragged on the page (not on a widget) scrolls it,
    // as on any web page. Touches arrive as mouse events at the finger (platform/window_emscripten.cpp).
    // Pressing on a window's background makes that window's "move" id active (even when it
    // cannot move): that is a press on the page, not on a widget.
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    const bool on_background = g.ActiveId == 0 || (g.ActiveIdWindow && g.ActiveId == g.ActiveIdWindow->MoveId);
    if (on_background && ImGui::IsMouseDragging(ImGuiMouseButton_Left) &&
        ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows | ImGuiHoveredFlags_AllowWhenBlockedByActiveItem))
        ImGui::SetScrollY(ImGui::GetScrollY() - ImGui::GetIO().MouseDelta.y);
}

void Screen::draw_header() {
    const webapp::ui::Palette& p = webapp::ui::palette();
    const ImVec2 window_pos = ImGui::GetWindowPos();
    const float window_width = ImGui::GetWindowWidth();
    const ImVec2 top = ImGui::GetCursorScreenPos(); // column's left edge, top of the content
    const float height = webapp::ui::px(header_height);
    ImGui::GetWindowDrawList()->AddRectFilled(
        ImVec2(window_pos.x, top.y), ImVec2(window_pos.x + window_width, top.y + height), webapp::ui::color(p.accent));

    // Operator logo (once loaded) and name on the left, vertically centred.
    float name_x = top.x;
    if (const webapp::platform::Image& logo = session_.operator_logo; logo.texture) {
        const float logo_height = webapp::ui::px(logo_size);
        const float logo_width = logo_height * static_cast<float>(logo.width) / static_cast<float>(logo.height);
        ImGui::SetCursorScreenPos(ImVec2(top.x, top.y + (height - logo_height) * 0.5f));
        ImGui::Image(ImTextureRef(static_cast<ImTextureID>(logo.texture)), ImVec2(logo_width, logo_height));
        webapp::ui::probe::item("image:operator_logo");
        name_x += logo_width + webapp::ui::px(12.0f);
    }
    ImGui::PushFont(webapp::ui::fonts().bold, webapp::ui::large_font_size);
    const std::string name = session_.catalog ? session_.catalog->operator_name : std::string{tr(Text::PortalTitle)};
    const float line = ImGui::GetTextLineHeight();
    ImGui::SetCursorScreenPos(ImVec2(name_x, top.y + (height - line) * 0.5f));
    ImGui::PushStyleColor(ImGuiCol_Text, p.on_accent);
    ImGui::TextUnformatted(name.c_str());
    ImGui::PopStyleColor();
    webapp::ui::describe_text(name);
    ImGui::PopFont();

    // Language switch on the right.
    ImGui::PushFont(webapp::ui::fonts().bold, 0.0f);
    const ImGuiStyle& style = ImGui::GetStyle();
    const float button_width = ImGui::CalcTextSize("FR").x + style.FramePadding.x * 2.0f;
    const float switch_width = button_width * 2.0f + style.ItemSpacing.x;
    const float button_height = ImGui::GetFrameHeight();
    ImGui::PopFont();
    const float right = top.x + ImGui::GetContentRegionAvail().x;
    ImGui::SetCursorScreenPos(ImVec2(right - switch_width, top.y + (height - button_height) * 0.5f));
    const Language current = session_.language;
    if (webapp::ui::toggle_button("FR", "lang:fr", current == Language::French) && session_.change_language)
        session_.change_language(Language::French);
    ImGui::SameLine();
    if (webapp::ui::toggle_button("EN", "lang:en", current == Language::English) && session_.change_language)
        session_.change_language(Language::English);

    ImGui::SetCursorScreenPos(ImVec2(top.x, top.y + height));
    ImGui::Dummy(ImVec2(0.0f, 0.0f));
}

} // namespace isp::portal
