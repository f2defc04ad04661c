// The portal's building blocks on top of Dear ImGui: headings, wrapped text, buttons,
// labelled text fields with their error, banners and progress. Each widget that a test
// may click registers itself with the test probe under the id it is given, and each describes
// itself in the frame's semantics tree for screen readers (semantics_recorder.h).
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "webapp/semantics/semantics_tree.h"

namespace isp::webapp::ui {

enum class Tone { Info, Success, Error };

void heading(std::string_view text, float font_size);
void text(std::string_view text);
void bold_text(std::string_view text, float font_size = 0.0f);
void muted_text(std::string_view text, float font_size = 0.0f);
void error_text(std::string_view text);

// A primary (filled) or secondary (outlined) button; `width` 0 fits the label, -1 fills the line.
bool primary_button(std::string_view label, std::string_view probe_id, bool enabled = true, float width = 0.0f);
bool secondary_button(std::string_view label, std::string_view probe_id, bool enabled = true, float width = 0.0f);
// A filter of a list: filled while `applied`, outlined otherwise; said as a toggle button
// (pressed or not).
bool filter_button(std::string_view label, std::string_view probe_id, bool applied);
// Between two buttons of a row: the next one (`label`) goes beside the last when it fits in
// what is left of the line, else under it (a row of buttons wraps on a narrow screen).
void next_in_row(std::string_view label);
// A small button that shows `selected` as pressed (language switch, choices).
bool toggle_button(std::string_view label, std::string_view probe_id, bool selected);
// One choice of a group (begin_group(Role::RadioGroup, ...) around them): true when clicked.
bool radio_button(std::string_view label, std::string_view probe_id, bool selected);

struct FieldEvents {
    bool edited = false;    // the value changed this frame
    bool left = false;      // the field lost focus this frame
    bool submitted = false; // left with Enter: the form is sent, as on a web page
};

// Whether the text field just drawn was left: at once by the keyboard, one frame later when
// a click elsewhere ended its editing. What leaving it brings (its error, drawn above what
// was clicked) would otherwise move the clicked widget down before Dear ImGui hit-tests the
// click in that same frame: the click landed in the gap and did nothing.
bool field_left();

// What a screen reader says of a text field (its label and hint, drawn above it, and its
// error, drawn under it: the same words), and what the browser may fill it with.
struct FieldSemantics {
    std::string_view label; // "" : the field's name
    std::string_view hint;
    std::string_view error;
    semantics::FieldKind kind = semantics::FieldKind::Text;
};

// A one-line text input over the full width, outlined in red when `has_error`;
// registered with the test probe as "field:<name>".
FieldEvents text_input(std::string_view name, std::string& value, bool has_error, bool enabled,
                       const FieldSemantics& said = {});

// A full-width message box (validation summary, network failure, draft notices).
void banner(std::string_view message, Tone tone, std::string_view probe_id = {});

// A turning arc and a message: every wait shows this.
void progress(std::string_view message);

// Vertical gap in CSS pixels.
void gap(float css_pixels);

// On arriving at a screen: the next text field drawn takes the keyboard focus, as a web
// form's autofocus, so that typing starts there and Tab goes on to the next field. Only on
// devices with a keyboard: on a phone it would cover half the screen with the keyboard.
void focus_first_field();
// For a text field about to be drawn: true (once) when it is to take the focus asked above.
bool take_first_field_focus();

// After a frame's widgets: draws the focus ring (focus_ring.h) and tells the platform what it
// needs to know of them (where the text fields are, for phones' keyboards; the semantics
// tree's changes, for screen readers).
void end_frame();

} // namespace isp::webapp::ui
