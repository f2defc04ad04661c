// What a frame showed, as a screen reader needs it: the widgets drawn (headings, text,
// fields with their label, hint, value and error, buttons, links, checkboxes, radio
// groups, tables, dialogs), each a node with its role, name, state, value and place, in
// reading order. The widget layer fills one each frame (webapp/ui/semantics_recorder.h);
// semantics_diff.h turns two frames into the few changes the page's mirror must make. Plain
// C++, no Dear ImGui and no browser: both are tested natively.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace isp::webapp::semantics {

enum class Role : std::uint8_t {
    Heading,
    Text,
    TextField,
    Button,
    ToggleButton, // a button that stays pressed or not (the language, a filter): aria-pressed
    Link,
    Checkbox,
    RadioGroup,
    Radio,
    Table,
    Row,
    Cell,
    ColumnHeader,
    Dialog,
};

// What a text field holds, for the browser's autofill and password managers (the HTML
// autocomplete token) and for the kind of <input>.
enum class FieldKind : std::uint8_t {
    Text,            // nothing to offer: autocomplete="off"
    GivenName,       // given-name
    FamilyName,      // family-name
    Telephone,       // tel
    Email,           // email
    StreetAddress,   // street-address
    Username,        // username (the staff sign-in's e-mail)
    CurrentPassword, // current-password, type=password
    NewPassword,     // new-password, type=password
    OneTimeCode,     // one-time-code
    Search,          // type=search
};

// Device pixels of the canvas; whole numbers so that a layout that did not move compares equal.
struct Box {
    int x = 0, y = 0, w = 0, h = 0;
    bool operator==(const Box&) const = default;
};

// Identity of a node across frames: a widget's own id (Dear ImGui's) for what can take the
// focus, else one derived from its parent, role, name and rank (see Tree::add).
using Key = std::uint32_t;

struct Node {
    Key key = 0; // 0 when added: the tree derives one
    Role role = Role::Text;
    int parent = -1;         // index in Tree::nodes(), -1 at the top
    std::string name;        // label, button text, heading text
    std::string description; // a field's hint
    std::string value;       // a field's text (never for a password: see Tree::add)
    std::string error;       // a field's error, read after it (aria-invalid, aria-describedby)
    FieldKind kind = FieldKind::Text;
    int level = 0;          // a heading's level (1: the screen's title)
    bool focusable = false; // takes the keyboard focus (fields, buttons, links, choices)
    bool disabled = false;
    bool checked = false; // a checkbox or radio button
    bool pressed = false; // a toggle button that is pressed (the language shown, the filter applied)
    bool current = false; // the place the person is at (the console's section)
    bool focused = false; // has the keyboard focus in the app
    Box box;

    bool operator==(const Node&) const = default;
};

// One frame's nodes in reading order (depth-first: a parent before its children).
class Tree {
public:
    // Adds a node under the innermost open one; returns its index. A node added with key 0
    // gets one from its parent's key, role, name and rank among such siblings, so that the
    // same text under the same parent keeps its key from frame to frame. A key already used
    // this frame is made unique.
    int add(Node node);
    // Adds a node and makes it the parent of what is added until close() (a dialog, a table).
    int open(Node node);
    // Closes the innermost open node; one added without a box gets the box around its children.
    void close();
    // The innermost open node (-1: none).
    int innermost_open() const { return open_.empty() ? -1 : open_.back(); }

    // A field's label and hint drawn as text just before it are the field's own: the text
    // nodes (the last sibling, and the one before for a hint) whose text equals them are
    // taken out, so that a screen reader hears them once, with the field.
    void absorb_preceding_text(std::string_view text);
    // The last node added, when it is a field whose error is `text`: that error is drawn
    // under the field and already read with it (aria-describedby); true means "skip it".
    bool is_last_field_error(std::string_view text) const;

    const std::vector<Node>& nodes() const { return nodes_; }
    int index_of(Key key) const; // -1 when absent
    void clear();

private:
    std::vector<Node> nodes_;
    std::vector<int> open_; // indexes of the open nodes, innermost last
    // One map type for both (each instantiation of it is code in every app's download).
    std::unordered_map<Key, std::uint32_t> used_keys_; // this frame's keys (the value unused)
    std::unordered_map<Key, std::uint32_t> ranks_;     // siblings alike (parent, role, name) so far
};

} // namespace isp::webapp::semantics
