// What the person types, in the order it happened: key presses and releases, characters of
// the keys, and text the page's hidden input received without a key of its own (another
// keyboard layout's characters, an input method, a paste, an auto-typing tool). Everything
// waits here and is handed to Dear ImGui at the pace its widgets can take it: text only once
// a text field is editing and the keys before it (a Tab, an Enter) have taken effect. Dear
// ImGui alone drops characters that arrive in the frame a field is activated, or while no
// field is, which lost the first key after a Tab and every character typed 0 ms apart.
#pragma once
#include <string>

namespace isp::webapp::platform {

// A key went down (`down`) or up; `glfw_key`, `scancode` and `mods` as GLFW reports them.
void queue_key(int glfw_key, int scancode, bool down, int mods);
// The character of a key press (UTF-32).
void queue_character(unsigned int codepoint);
// An edit of the hidden input (or of a mirrored field at its end): `removed` characters
// deleted before the caret, then `added` (UTF-8) typed.
void queue_text_edit(int removed, const std::string& added);
// A mirrored field's whole text replaced by `text` (a password manager filling it, an
// assistive technology setting its value): the field's text is selected, erased and typed anew.
void queue_text_replacement(const std::string& text);
// The page's screen-reader mirror (semantics_mirror.h): its element for widget `widget_id`
// (Dear ImGui's id) got the focus (a screen reader or Tab moved there), or was activated (a
// screen reader's "activate": a click on the element). Queued in order with what was typed,
// so that text typed into a field reaches it before a button after it is pressed, and the
// keys typed after a focus act on the widget focused.
void queue_page_focus(unsigned int widget_id);
void queue_page_activation(unsigned int widget_id);
// Once per frame, before Dear ImGui's NewFrame: hands over what can be applied this frame.
void feed_typed_input();
// The widget the page moved the focus to, handed over by this frame's feed_typed_input (0:
// none); the widget layer gives it the focus when it draws it (semantics_recorder.h).
unsigned int take_page_focus();

} // namespace isp::webapp::platform
