// The page's mirror of the semantics tree (webapp/semantics), for screen readers: one element
// per node, with its ARIA role, name, states and value, laid over the canvas where the widget
// is drawn (invisible, and letting the mouse through to the canvas), in reading order. Each
// frame gets only the changes since the last one (semantics_diff.h): the elements of what did
// not change are not touched. The other way, the mirror's elements report to the typed input's
// queue (typed_input.h): a focus given to one (a screen reader, the keyboard), an activation (a
// screen reader's "activate": a click on it) and the text typed into a mirrored field, through
// the same path as the page's hidden input. One implementation per target
// (semantics_mirror_emscripten.cpp).
#pragma once
#include <vector>

#include "webapp/semantics/semantics_diff.h"

namespace isp::webapp::platform {

// Applies one frame's changes (boxes in the canvas's device pixels); the node marked focused,
// when its focus changed, takes the page's focus.
void apply_semantics_changes(const std::vector<semantics::Change>& changes);

} // namespace isp::webapp::platform
