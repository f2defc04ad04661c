// The console's form widgets: a labelled text field with its error under it (the error
// checked as typed comes from shared/ rules, the same the server applies), a choice among a
// few values, and a field the "/" key focuses (the search of a list).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "webapp/ui/widgets.h"

namespace isp::console::ui {

struct FieldOptions {
    std::string_view hint;  // under the label, muted
    std::string_view error; // under the field, red; "" for none
    bool enabled = true;
    bool password = false; // drawn as dots
    bool focus = false;    // takes the keyboard focus this frame (devices with a keyboard only)
    float width = -1.0f;   // CSS px; -1 fills the line
    // What the browser may fill it with (password managers: the sign-in's username,
    // current-password, one-time-code); a password's kind is CurrentPassword unless told.
    webapp::semantics::FieldKind kind = webapp::semantics::FieldKind::Text;
};

// A label above a one-line field, its hint and error; probe id "field:<name>".
webapp::ui::FieldEvents field(std::string_view name, std::string_view label, std::string& value,
                              const FieldOptions& options = {});

// A search field: "/" anywhere (outside a text field) focuses it, the Down arrow moves to the
// first row of the list under it; probe id "field:<name>".
webapp::ui::FieldEvents search_field(std::string_view name, std::string_view placeholder, std::string& value,
                                     float width = -1.0f);

// One of `choices` (shown as `labels`, same order) as a row of toggle buttons; probe ids
// "choice:<name>:<choice>". Returns true when the person picked another one.
bool choice(std::string_view name, std::string_view label, std::string& value, const std::vector<std::string>& choices,
            const std::vector<std::string>& labels);

} // namespace isp::console::ui
