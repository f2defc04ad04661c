// What end-to-end tests can see of a canvas-drawn UI: the screen rectangle of each widget
// a test needs (by a stable id, in CSS pixels of the page) and a JSON summary of the state,
// published on window.portalTest.state when a test asked for it (see platform/browser.h).
// Tests then click and type where a person would, with real mouse and keyboard events.
#pragma once
#include <string_view>

#include <nlohmann/json.hpp>

namespace isp::webapp::ui::probe {

// Whether a test asked for the probe (the page's test hooks); nothing is recorded otherwise.
bool enabled();
void begin_frame();
// Records the last drawn item under `id` ("field:cin", "button:submit", ...). An item that
// runs past the right edge of its window or table is also recorded as cut (see cut()).
void item(std::string_view id);
// Records a value a person cannot read whole: drawn cut off by its column, table or window
// (published as the state's "cut": tests of narrow screens check there is none).
void cut(std::string_view what);
// Publishes `state` plus the recorded widgets, when anything changed since the last frame.
void end_frame(float pixel_ratio, nlohmann::json state);

} // namespace isp::webapp::ui::probe
