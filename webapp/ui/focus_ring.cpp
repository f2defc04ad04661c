#include "webapp/ui/focus_ring.h"

#include "imgui.h"
#include "imgui_internal.h" // the navigation's focused item and its rectangle
#include "webapp/ui/theme.h"

namespace isp::webapp::ui {

void draw_focus_ring() {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    ImGuiWindow* window = g.NavWindow;
    if (!window || g.NavId == 0 || !g.NavIdIsAlive)
        return;
    const bool editing = g.ActiveId == g.NavId && g.InputTextState.ID == g.NavId;
    if (!g.NavCursorVisible && !editing)
        return; // focus given by a click on a button: no ring, as on a web page
    const float gap = px(1.0f);
    const float ring = px(2.0f);
    const float halo = px(2.0f);
    ImRect item = ImGui::WindowRectRelToAbs(window, window->NavRectRel[g.NavLayer]);
    item.Min = ImTrunc(ImVec2(item.Min.x + 0.5f, item.Min.y + 0.5f)); // on whole pixels (see below)
    item.Max = ImTrunc(ImVec2(item.Max.x + 0.5f, item.Max.y + 0.5f));
    ImRect clip = window->InnerClipRect;
    clip.Expand(gap + ring + halo + 1.0f); // the ring may stand out of a scrolled column, not out of the window
    clip.ClipWith(window->Rect());
    ImDrawList* draw = ImGui::GetForegroundDrawList();
    draw->PushClipRect(clip.Min, clip.Max);
    const float rounding = g.Style.FrameRounding;
    // Dear ImGui strokes a rectangle half a pixel inside the one given (aiming a 1 px line at
    // pixel centres): a 2 px ring was blurred over three pixels, one solid and two half-toned,
    // whose edges stood out barely 3:1. Half a pixel more puts it on two whole pixels.
    item.Expand(gap + ring * 0.5f + 0.5f);
    ImRect outer = item;
    outer.Expand(ring * 0.5f + halo * 0.5f); // the halo just outside the ring
    draw->AddRect(outer.Min, outer.Max, color(palette().surface), rounding + gap + ring + halo * 0.5f, 0, halo);
    draw->AddRect(item.Min, item.Max, color(palette().text), rounding + gap + ring * 0.5f, 0, ring);
    draw->PopClipRect();
}

} // namespace isp::webapp::ui
