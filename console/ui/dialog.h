// A modal dialog (a confirmation, a form over a list): Esc or Cancel closes it, Enter in its
// last field submits it; the page behind it takes no input while it is open.
#pragma once
#include <string_view>

namespace isp::console::ui {

// Call every frame while `open`; draws the dialog titled `title` when it is. Returns true
// while it is drawn (then draw its content and call end_dialog()). Esc sets `open` false.
bool begin_dialog(std::string_view id, std::string_view title, bool& open);
void end_dialog();

} // namespace isp::console::ui
