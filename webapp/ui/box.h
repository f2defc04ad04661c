// A bordered, rounded box as tall as its content (offer cards, subscriptions, invoices,
// banners). Drawn in the same frame as its content: the content is laid out first on a
// draw-list channel above the background, which is filled in once the content's height is
// known. (A Dear ImGui child window sized to its content learns that height one frame
// late, so every new screen needed an unseen measuring frame first.) Buttons and fields
// inside stay in the page's window: Tab reaches them like any other.
#pragma once
#include "imgui.h"

namespace isp::webapp::ui {

struct BoxStyle {
    ImVec4 surface;
    ImVec4 edge;
    float border = 1.0f;                   // CSS px; 0: none
    ImVec2 padding = ImVec2(14.0f, 12.0f); // CSS px
};

// Opens the box over the full width left on the line; the destructor closes it. Boxes nest.
class Box {
public:
    explicit Box(const BoxStyle& style);
    ~Box();
    Box(const Box&) = delete;
    Box& operator=(const Box&) = delete;

private:
    BoxStyle style_;
    ImDrawListSplitter* splitter_;
    ImVec2 min_;
    float width_;
    float saved_work_max_x_;
    float saved_content_max_x_;
};

} // namespace isp::webapp::ui
