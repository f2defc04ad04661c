#include "webapp/ui/test_probe.h"

#include <string>

#include <algorithm>

#include "imgui.h"
#include "imgui_internal.h" // GetItemFlags(): whether the last item was drawn disabled
#include "webapp/platform/browser.h"

namespace isp::webapp::ui::probe {
namespace {

struct Probe {
    bool checked = false;
    bool enabled = false;
    nlohmann::json widgets = nlohmann::json::object();
    nlohmann::json cut = nlohmann::json::array();
    std::string last_published;
};

Probe g_probe;

} // namespace

bool enabled() {
    if (!g_probe.checked) {
        g_probe.checked = true;
        g_probe.enabled = platform::test_hooks_enabled();
    }
    return g_probe.enabled;
}

void begin_frame() {
    if (enabled()) {
        g_probe.widgets = nlohmann::json::object();
        g_probe.cut = nlohmann::json::array();
    }
}

void cut(std::string_view what) {
    if (g_probe.enabled)
        g_probe.cut.push_back(what);
}

void item(std::string_view id) {
    if (!g_probe.enabled)
        return;
    ImVec2 min = ImGui::GetItemRectMin();
    ImVec2 max = ImGui::GetItemRectMax();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 clip_min = draw->GetClipRectMin();
    const ImVec2 clip_max = draw->GetClipRectMax();
    // Past the right edge of what holds it (its table, else its window): a button a narrow
    // screen pushed out of view. A row spanning its columns ends at its table's edge.
    float right = GImGui->CurrentWindow->InnerClipRect.Max.x;
    if (const ImGuiTable* table = ImGui::GetCurrentTable())
        right = std::min(right, table->OuterRect.Max.x);
    if (max.x > right + 1.0f)
        cut(id);
    // An item wider than where it is drawn (a table row spanning its columns, drawn from the
    // first column's clip rect) is reported as its visible part: a click lands there.
    if (min.x < clip_max.x && max.x > clip_min.x) {
        min.x = std::max(min.x, clip_min.x);
        max.x = std::min(max.x, clip_max.x);
    }
    // Device pixels for now; end_frame() converts to CSS pixels.
    g_probe.widgets[std::string{id}] = {
        {"x", min.x},
        {"y", min.y},
        {"w", max.x - min.x},
        {"h", max.y - min.y},
        {"visible", min.x >= clip_min.x && min.y >= clip_min.y && max.x <= clip_max.x && max.y <= clip_max.y},
        {"enabled", !(ImGui::GetItemFlags() & ImGuiItemFlags_Disabled)},
        // Where Tab and Enter act: the keyboard cursor (once the keyboard is used) or the field being edited.
        {"focused", (ImGui::IsItemFocused() && GImGui->NavCursorVisible) || ImGui::IsItemActive()},
    };
}

void end_frame(float pixel_ratio, nlohmann::json state) {
    if (!g_probe.enabled)
        return;
    const float ratio = pixel_ratio > 0.0f ? pixel_ratio : 1.0f;
    for (auto& w : g_probe.widgets)
        for (const char* key : {"x", "y", "w", "h"})
            w[key] = static_cast<int>(w[key].get<float>() / ratio * 10.0f + 0.5f) / 10.0;
    state["widgets"] = std::move(g_probe.widgets);
    state["cut"] = std::move(g_probe.cut);
    state["pixel_ratio"] = ratio;
    std::string json = state.dump();
    if (json != g_probe.last_published) {
        platform::publish_test_state(json);
        g_probe.last_published = std::move(json);
    }
}

} // namespace isp::webapp::ui::probe
