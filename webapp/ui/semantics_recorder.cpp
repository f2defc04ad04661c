#include "webapp/ui/semantics_recorder.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "imgui.h"
#include "imgui_internal.h" // the focused and active ids, the current table and window
#include "webapp/platform/browser.h"
#include "webapp/platform/semantics_mirror.h"
#include "webapp/platform/typed_input.h"
#include "webapp/semantics/semantics_diff.h"

namespace isp::webapp::ui {
namespace {

using semantics::Node;
using semantics::Role;

semantics::Tree g_tree_now;    // this frame's, being filled
semantics::Tree g_tree_shown;  // the last frame's, as the page's mirror shows it
int g_semantics_frame = -1;    // Dear ImGui's frame the tree is being filled for
unsigned int g_page_focus = 0; // the widget the page asked to focus this frame (0: none)
// The item Dear ImGui's navigation last moved to (a Tab, an arrow, a focus asked for), not the
// one it starts a new screen's window on by itself.
ImGuiID g_nav_reached = 0;
int g_nav_key_frame = -10; // the last frame Tab or an arrow key was pressed
// A new screen: its title (first level-1 heading) holds the page's focus until a widget takes
// the app's (a Tab, a form's first field). `g_heading_ready`: no focus is on its way either (a
// form's first field lands a frame or two after the screen), so the heading takes it this frame.
bool g_heading_focus = false;
bool g_heading_ready = false;

// A table being described: the row and column its last item was drawn in, whose row and cell
// nodes are open in the tree.
struct TableSemantics {
    ImGuiTable* table = nullptr;
    int row = -1;
    int column = -1;
    bool row_open = false;
    bool cell_open = false;
    bool headers_done = false;
};
std::vector<TableSemantics> g_tables_described;

semantics::Box box_of(ImVec2 min, ImVec2 max) {
    return {static_cast<int>(std::lround(min.x)), static_cast<int>(std::lround(min.y)),
            static_cast<int>(std::lround(max.x - min.x)), static_cast<int>(std::lround(max.y - min.y))};
}

// The first description of a frame starts its tree, and takes the focus the page asked for.
void start_frame_if_new() {
    const int frame = ImGui::GetFrameCount();
    if (frame == g_semantics_frame)
        return;
    g_semantics_frame = frame;
    const ImGuiContext& g = *GImGui;
    for (const ImGuiKey key :
         {ImGuiKey_Tab, ImGuiKey_UpArrow, ImGuiKey_DownArrow, ImGuiKey_LeftArrow, ImGuiKey_RightArrow})
        if (ImGui::IsKeyPressed(key))
            g_nav_key_frame = frame;
    // A focus asked for moves "by tabbing"; a key's move (or the first Tab's landing on the
    // window's first item) lands a frame or two after the key; a new screen's first item chosen
    // by Dear ImGui itself is neither.
    const bool by_key = frame - g_nav_key_frame <= 2;
    if (g.NavJustMovedToId != 0 && (g.NavJustMovedToIsTabbing || by_key))
        g_nav_reached = g.NavJustMovedToId;
    else if (by_key && g.NavCursorVisible && g.NavId != 0)
        g_nav_reached = g.NavId; // the key showed the cursor where it was (the first Tab on a screen)
    g_tree_now.clear();
    g_tables_described.clear();
    g_page_focus = platform::take_page_focus();
}

void close_cell(TableSemantics& t) {
    if (t.cell_open)
        g_tree_now.close();
    t.cell_open = false;
}

void close_row(TableSemantics& t) {
    close_cell(t);
    if (t.row_open)
        g_tree_now.close();
    t.row_open = false;
}

// The columns' names, as the table's first row (its header cells are drawn by Dear ImGui).
void describe_headers(TableSemantics& t) {
    t.headers_done = true;
    if (!t.table->IsUsingHeaders)
        return;
    Node row;
    row.role = Role::Row;
    g_tree_now.open(row);
    for (int c = 0; c < ImGui::TableGetColumnCount(); ++c) {
        if (!(ImGui::TableGetColumnFlags(c) & ImGuiTableColumnFlags_IsEnabled))
            continue;
        Node header;
        header.role = Role::ColumnHeader;
        header.name = ImGui::TableGetColumnName(c);
        g_tree_now.add(std::move(header));
    }
    g_tree_now.close();
}

// Inside a described table: the item about to be described goes into the cell it is drawn in.
void enter_table_cell() {
    if (g_tables_described.empty())
        return;
    TableSemantics& t = g_tables_described.back();
    if (ImGui::GetCurrentTable() != t.table)
        return; // a table of the screen's own inside it, not described
    const int row = ImGui::TableGetRowIndex();
    const int column = ImGui::TableGetColumnIndex();
    if (row == 0 && t.table->IsUsingHeaders)
        return; // the header row: described from the columns' names
    if (!t.headers_done)
        describe_headers(t);
    if (row != t.row || !t.row_open) {
        close_row(t);
        Node r;
        r.role = Role::Row;
        g_tree_now.open(r);
        t.row_open = true;
        t.row = row;
        t.column = -1;
    }
    if (column != t.column || !t.cell_open) {
        close_cell(t);
        Node cell;
        cell.role = Role::Cell;
        g_tree_now.open(cell);
        t.cell_open = true;
        t.column = column;
    }
}

bool focusable(Role role) {
    switch (role) {
    case Role::TextField:
    case Role::Button:
    case Role::ToggleButton:
    case Role::Link:
    case Role::Checkbox:
    case Role::Radio: return true;
    default: return false;
    }
}

// The widget that has the app's keyboard focus: the text field editing, else the navigation's
// item while its cursor shows, when the navigation moved there (a Tab, an arrow, the page's
// focus), as :focus-visible. Not the item Dear ImGui starts a new screen's window on by itself
// (the FR button: a screen reader would be taken there from the new screen's top), nor a
// button just clicked.
ImGuiID focused_widget() {
    const ImGuiContext& g = *GImGui;
    if (g.ActiveId != 0 && g.ActiveId == g.InputTextState.ID)
        return g.ActiveId;
    return g.NavWindow && g.NavCursorVisible && g.NavId == g_nav_reached ? g.NavId : 0;
}

// Dear ImGui's navigation will move the focus: a move, a Tab or a focus request (a form's first
// field) in flight, or an item to activate.
bool focus_on_its_way() {
    const ImGuiContext& g = *GImGui;
    return g.NavAnyRequest || g.NavInitRequest || g.NavMoveSubmitted || g.NavMoveScoringItems ||
           g.NavMoveForwardToNextFrame || g.NavNextActivateId != 0 || g.NavActivateId != 0;
}

} // namespace

bool semantics_enabled() {
    static const bool enabled = platform::query_parameter("semantics") != "off";
    return enabled;
}

void describe_item(Node node) {
    if (!semantics_enabled())
        return;
    start_frame_if_new();
    enter_table_cell();
    node.box = box_of(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    node.focusable = focusable(node.role);
    if (node.focusable) {
        const ImGuiID id = ImGui::GetItemID();
        node.key = id;
        node.focused = id != 0 && id == focused_widget();
        node.disabled = node.disabled || (ImGui::GetItemFlags() & ImGuiItemFlags_Disabled) != 0;
        if (g_page_focus != 0 && id == g_page_focus) {
            g_page_focus = 0;
            if (!node.focused && !node.disabled) {
                ImGui::SetKeyboardFocusHere(-1);  // a field starts editing, as after a Tab
                ImGui::SetNavCursorVisible(true); // the focus ring shows where it went
            }
        }
    }
    g_tree_now.add(std::move(node));
}

void describe_widget(Role role, std::string_view name, const WidgetState& state) {
    if (!semantics_enabled())
        return;
    Node node;
    node.role = role;
    node.name = std::string{name};
    node.disabled = state.disabled;
    node.checked = state.checked;
    node.pressed = state.pressed;
    node.current = state.current;
    describe_item(std::move(node));
}

void describe_field(std::string_view label, std::string_view hint, std::string_view error, std::string_view value,
                    semantics::FieldKind kind, bool disabled) {
    if (!semantics_enabled())
        return;
    start_frame_if_new();
    Node field;
    field.role = Role::TextField;
    field.name = std::string{label};
    field.description = std::string{hint};
    field.error = std::string{error};
    field.value = std::string{value};
    field.kind = kind;
    field.disabled = disabled;
    g_tree_now.absorb_preceding_text(field.description);
    g_tree_now.absorb_preceding_text(field.name);
    describe_item(std::move(field));
}

void describe_text(std::string_view text, int level) {
    if (!semantics_enabled() || text.empty())
        return;
    Node node;
    node.role = level > 0 ? Role::Heading : Role::Text;
    node.level = level;
    node.name = std::string{text};
    node.focused = level == 1 && std::exchange(g_heading_ready, false);
    describe_item(std::move(node));
}

void focus_heading_on_arrival() {
    g_heading_focus = true;
    g_heading_ready = false;
}

bool is_last_field_error(std::string_view text) {
    if (!semantics_enabled())
        return false;
    start_frame_if_new();
    return g_tree_now.is_last_field_error(text);
}

void begin_group(Role role, std::string_view name, unsigned int id) {
    if (!semantics_enabled())
        return;
    start_frame_if_new();
    enter_table_cell();
    if (role == Role::RadioGroup)
        g_tree_now.absorb_preceding_text(name); // its label, drawn above it: read with the group
    Node group;
    group.role = role;
    group.name = std::string{name};
    group.key = id;
    if (role == Role::Dialog) {
        const ImGuiWindow* window = ImGui::GetCurrentWindow();
        group.box = box_of(window->Pos, ImVec2(window->Pos.x + window->Size.x, window->Pos.y + window->Size.y));
    }
    g_tree_now.open(std::move(group));
    if (role == Role::Table)
        g_tables_described.push_back({ImGui::GetCurrentTable()});
}

void end_group() {
    if (!semantics_enabled())
        return;
    start_frame_if_new();
    const auto innermost = [] {
        const int open = g_tree_now.innermost_open();
        return open < 0 ? Role::Text : g_tree_now.nodes()[static_cast<std::size_t>(open)].role;
    };
    if (!g_tables_described.empty() && (innermost() == Role::Cell || innermost() == Role::Row))
        close_row(g_tables_described.back()); // the table ends: its last row with it
    if (!g_tables_described.empty() && innermost() == Role::Table)
        g_tables_described.pop_back();
    g_tree_now.close();
}

void publish_semantics() {
    if (!semantics_enabled())
        return;
    start_frame_if_new(); // a frame that described nothing shows nothing
    // The new screen's title keeps the page's focus (described next frame) until a widget has
    // the app's, or while one is on its way to it.
    const auto& nodes = g_tree_now.nodes();
    if (std::any_of(nodes.begin(), nodes.end(), [](const Node& n) { return n.focused && n.role != Role::Heading; }))
        g_heading_focus = false;
    g_heading_ready = g_heading_focus && !focus_on_its_way();
    platform::apply_semantics_changes(semantics::diff(g_tree_shown, g_tree_now));
    std::swap(g_tree_shown, g_tree_now);
    g_semantics_frame = -1; // the next description starts a new tree, even within this frame count
}

} // namespace isp::webapp::ui
