#include "webapp/ui/box.h"

#include <memory>
#include <vector>

#include "imgui_internal.h" // the window's work rect: the box's content is narrower than the line
#include "webapp/ui/theme.h"

namespace isp::webapp::ui {
namespace {

// One splitter per nesting depth, kept from frame to frame (no allocation per box).
std::vector<std::unique_ptr<ImDrawListSplitter>> g_splitters;
int g_depth = 0;

} // namespace

Box::Box(const BoxStyle& style) : style_(style) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    min_ = window->DC.CursorPos;
    width_ = ImGui::GetContentRegionAvail().x;
    if (static_cast<int>(g_splitters.size()) <= g_depth)
        g_splitters.push_back(std::make_unique<ImDrawListSplitter>());
    splitter_ = g_splitters[static_cast<std::size_t>(g_depth++)].get();
    // Channel 0 will hold the background, channel 1 (drawn over it) the content.
    splitter_->Split(window->DrawList, 2);
    splitter_->SetCurrentChannel(window->DrawList, 1);

    // Wrapped text, full-width buttons and fields end at the box's inner edge: both rects
    // Dear ImGui measures "the rest of the line" against (WorkRect in a table cell).
    const ImVec2 padding(px(style_.padding.x), px(style_.padding.y));
    saved_work_max_x_ = window->WorkRect.Max.x;
    saved_content_max_x_ = window->ContentRegionRect.Max.x;
    window->WorkRect.Max.x = min_.x + width_ - padding.x;
    window->ContentRegionRect.Max.x = min_.x + width_ - padding.x;
    ImGui::SetCursorScreenPos(ImVec2(min_.x + padding.x, min_.y + padding.y));
    ImGui::BeginGroup(); // new lines start at the padded left edge
}

Box::~Box() {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    ImGui::EndGroup();
    const float bottom = ImGui::GetItemRectMax().y + px(style_.padding.y);
    window->WorkRect.Max.x = saved_work_max_x_;
    window->ContentRegionRect.Max.x = saved_content_max_x_;

    ImDrawList* draw = window->DrawList;
    splitter_->SetCurrentChannel(draw, 0);
    const ImVec2 max(min_.x + width_, bottom);
    const float rounding = ImGui::GetStyle().ChildRounding;
    draw->AddRectFilled(min_, max, color(style_.surface), rounding);
    if (style_.border > 0.0f)
        draw->AddRect(min_, max, color(style_.edge), rounding, ImDrawFlags_None, px(style_.border));
    splitter_->Merge(draw);
    --g_depth;

    // The whole box is one item of the line: what follows goes under it.
    ImGui::SetCursorScreenPos(min_);
    ImGui::Dummy(ImVec2(width_, bottom - min_.y));
}

} // namespace isp::webapp::ui
