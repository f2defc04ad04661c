// The ring around the widget that has the keyboard focus (WCAG 2.2: 2.4.7 focus visible,
// 2.4.11 not obscured, 2.4.13 a 2 px ring of 3:1 contrast). Drawn once per frame for
// whichever widget Dear ImGui's navigation holds, so every focusable widget of both apps
// has it: a dark ring with a white halo, which contrasts with the light pages and the
// accent-coloured header alike (Dear ImGui's own cursor, one accent-coloured line, vanished
// on the header and on filled buttons).
#pragma once

namespace isp::webapp::ui {

// After the frame's widgets: around a button reached with the keyboard, and around a text
// field being edited however it was reached (as browsers show :focus-visible).
void draw_focus_ring();

} // namespace isp::webapp::ui
