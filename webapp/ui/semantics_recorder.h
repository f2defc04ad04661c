// This frame's semantics tree (webapp/semantics), filled by the widgets as they draw: each
// describes itself right after drawing (Dear ImGui's last item gives its id, its box, and
// whether it has the keyboard focus). At the frame's end the changes since the last frame go
// to the page's screen-reader mirror (platform/semantics_mirror.h). Both apps' widgets
// (webapp/ui, console/ui) call this; screens only through them.
#pragma once
#include <string_view>

#include "webapp/semantics/semantics_tree.h"

namespace isp::webapp::ui {

// On, unless the page's address says "semantics=off" (bench/portal/semantics_frames.mjs
// compares the frame time with and without).
bool semantics_enabled();

// The last item drawn, as `node` (its role, name, states, value...). Its key (for a focusable
// node), box and focus come from Dear ImGui. When the page moved its focus to this node (a
// screen reader, the mirror's Tab), the item takes the app's keyboard focus now.
void describe_item(semantics::Node node);
// The last item drawn, a widget of `role` named `name` (a button, a link, a choice): the
// common case of describe_item, its node made here rather than at every call site.
struct WidgetState {
    bool disabled = false;
    bool checked = false; // a radio button or checkbox
    bool pressed = false; // a toggle button
    bool current = false; // a link to where the person is
};
void describe_widget(semantics::Role role, std::string_view name, const WidgetState& state = {});
// A text field just drawn: its label and hint, drawn as text just before it, become its own
// (read once, with it); its error is read after it (aria-describedby).
void describe_field(std::string_view label, std::string_view hint, std::string_view error, std::string_view value,
                    semantics::FieldKind kind, bool disabled);
// Text drawn as the last item: a heading of `level` (1: the screen's title), or text (0).
void describe_text(std::string_view text, int level = 0);
// A new screen is shown: its title (the first level-1 heading described) takes the page's
// focus, so that a screen reader starts reading there, as after a web page's navigation;
// unless a widget takes the app's focus first (a form's first field on a device with a
// keyboard). It keeps it until a widget takes the app's focus.
void focus_heading_on_arrival();
// Whether `text` is the error of the field described last (drawn under it, already read with it).
bool is_last_field_error(std::string_view text);

// A group holding what is described until end_group(): a dialog (its window's box; `id` its
// window's), a radio group, a table (its rows and cells follow Dear ImGui's table: each item
// described in it goes to the cell it is drawn in, the column names first as a header row).
void begin_group(semantics::Role role, std::string_view name, unsigned int id = 0);
void end_group();

// At the frame's end (ui::end_frame): the tree's changes since the last frame go to the page.
void publish_semantics();

} // namespace isp::webapp::ui
