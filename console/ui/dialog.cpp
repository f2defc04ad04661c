#include "console/ui/dialog.h"

#include <algorithm>
#include <string>

#include "imgui.h"
#include "imgui_internal.h" // the dialog's window: its id names it in the semantics tree
#include "webapp/ui/semantics_recorder.h"
#include "webapp/ui/theme.h"
#include "webapp/ui/widgets.h"

namespace isp::console::ui {

namespace wui = webapp::ui;

bool begin_dialog(std::string_view id, std::string_view title, bool& open) {
    const std::string popup_id = std::string{title} + "###" + std::string{id};
    if (open && !ImGui::IsPopupOpen(popup_id.c_str()))
        ImGui::OpenPopup(popup_id.c_str());
    if (!open) {
        // Closed by its own buttons last frame: take it off the popup stack.
        if (ImGui::IsPopupOpen(popup_id.c_str()) && ImGui::BeginPopupModal(popup_id.c_str())) {
            ImGui::CloseCurrentPopup();
            ImGui::EndPopup();
        }
        return false;
    }
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(std::min(wui::px(420.0f), viewport->WorkSize.x * 0.95f), 0.0f),
                                        ImVec2(viewport->WorkSize.x * 0.95f, viewport->WorkSize.y * 0.9f));
    // The theme's windows are the page's panes, edge to edge; a dialog's content keeps off its border.
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(wui::px(20.0f), wui::px(16.0f)));
    const bool shown = ImGui::BeginPopupModal(popup_id.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::PopStyleVar();
    if (!shown) {
        open = false;
        return false;
    }
    if (ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {
        open = false;
        ImGui::CloseCurrentPopup();
    }
    wui::begin_group(webapp::semantics::Role::Dialog, title, ImGui::GetCurrentWindow()->ID);
    return true;
}

void end_dialog() {
    wui::end_group();
    ImGui::EndPopup();
}

} // namespace isp::console::ui
