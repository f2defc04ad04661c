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
// An edit of the hidden input: `removed` characters deleted before the caret, then `added`
// (UTF-8) typed.
void queue_text_edit(int removed, const std::string& added);
// Once per frame, before Dear ImGui's NewFrame: hands over what can be applied this frame.
void feed_typed_input();

} // namespace isp::webapp::platform
