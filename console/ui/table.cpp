#include "console/ui/table.h"

#include <algorithm>
#include <map>

#include "imgui.h"
#include "imgui_internal.h" // TableSetColumnSortDirection: a server-sorted table shows its section's order
#include "webapp/platform/browser.h"
#include "webapp/ui/semantics_recorder.h"
#include "webapp/ui/test_probe.h"
#include "webapp/ui/theme.h"
#include "webapp/ui/widgets.h"

namespace isp::console::ui {

namespace wui = webapp::ui;

namespace {
std::string g_copied; // the value copied last, shown as such while hovered
double g_copied_at = -10.0;
// The order each server-sorted table (by ImGui id) was last shown in, to tell a click on a
// header (ImGui's order moved away from it) from a section whose order moved (Back).
std::map<ImGuiID, ColumnSort> g_server_sorts_shown;
bool g_focus_next_row = false;
} // namespace

namespace {
// A table opened: described as one for screen readers (its rows and cells follow it).
bool described_table(bool opened) {
    if (opened)
        wui::begin_group(webapp::semantics::Role::Table, {});
    return opened;
}
} // namespace

bool begin_table(std::string_view id, int columns, bool sortable, float height) {
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuter |
                            ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_PadOuterX;
    if (sortable)
        flags |= ImGuiTableFlags_Sortable;
    if (height > 0.0f)
        flags |= ImGuiTableFlags_ScrollY;
    const std::string table_id{id};
    return described_table(
        ImGui::BeginTable(table_id.c_str(), columns, flags, ImVec2(0.0f, height > 0.0f ? wui::px(height) : 0.0f)));
}

void end_table() {
    wui::end_group();
    ImGui::EndTable();
}

void clipped_rows(std::int64_t count, const std::function<void(std::int64_t, std::int64_t)>& shown,
                  const std::function<void(std::int64_t)>& draw_row) {
    // The rows' height given: no measuring pass over row 0, whose page would then be asked for
    // wherever the list is scrolled to.
    const float row_height = ImGui::GetTextLineHeight() + ImGui::GetStyle().CellPadding.y * 2.0f;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(std::min<std::int64_t>(count, 1 << 30)), row_height);
    std::int64_t first = -1, last = -1;
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            if (first < 0 || i < first)
                first = i;
            last = std::max<std::int64_t>(last, i);
            draw_row(i);
        }
    }
    if (first >= 0)
        shown(first, last);
}

SortRequest sort_request() {
    SortRequest out;
    ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
    if (!specs || !specs->SpecsDirty || specs->SpecsCount == 0)
        return out;
    out.changed = true;
    out.column = specs->Specs[0].ColumnIndex;
    out.ascending = specs->Specs[0].SortDirection != ImGuiSortDirection_Descending;
    specs->SpecsDirty = false;
    return out;
}

bool begin_server_sorted_table(std::string_view id, int columns, bool default_unmarked, float height, bool hideable) {
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuter |
                            ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_PadOuterX | ImGuiTableFlags_Sortable;
    if (default_unmarked)
        flags |= ImGuiTableFlags_SortTristate;
    if (height > 0.0f)
        flags |= ImGuiTableFlags_ScrollY;
    if (hideable)
        flags |= ImGuiTableFlags_Hideable;
    const std::string table_id{id};
    return described_table(
        ImGui::BeginTable(table_id.c_str(), columns, flags, ImVec2(0.0f, height > 0.0f ? wui::px(height) : 0.0f)));
}

std::optional<ColumnSort> server_sort(const ColumnSort& shown) {
    ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
    ImGuiTable* table = ImGui::GetCurrentTable();
    if (!specs || !table)
        return std::nullopt;
    ColumnSort now;
    if (specs->SpecsCount > 0) {
        now.column = specs->Specs[0].ColumnIndex;
        now.ascending = specs->Specs[0].SortDirection != ImGuiSortDirection_Descending;
    }
    specs->SpecsDirty = false;
    const auto last = g_server_sorts_shown.find(table->ID);
    if (last != g_server_sorts_shown.end() && !(now == last->second)) {
        last->second = now; // the person clicked a header
        if (!(now == shown))
            return now;
        return std::nullopt;
    }
    if (!(now == shown)) {
        // The section's order moved (Back, a place opened), or the table is new: show it.
        if (shown.column >= 0)
            ImGui::TableSetColumnSortDirection(
                shown.column, shown.ascending ? ImGuiSortDirection_Ascending : ImGuiSortDirection_Descending, false);
        else if (now.column >= 0)
            ImGui::TableSetColumnSortDirection(now.column, ImGuiSortDirection_None, false);
        ImGui::TableGetSortSpecs()->SpecsDirty = false;
    }
    g_server_sorts_shown[table->ID] = shown;
    return std::nullopt;
}

namespace {
// Whether `text` is wider than what is left of its cell; reported to the probe.
void check_fits(std::string_view text) {
    if (ImGui::CalcTextSize(text.data(), text.data() + text.size()).x > ImGui::GetContentRegionAvail().x + 1.0f)
        wui::probe::cut(text);
}
} // namespace

bool narrow_content() {
    return ImGui::GetContentRegionAvail().x / wui::scale() < 760.0f;
}

void cell(std::string_view text, bool muted) {
    check_fits(text);
    if (muted)
        ImGui::PushStyleColor(ImGuiCol_Text, wui::palette().muted);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    if (muted)
        ImGui::PopStyleColor();
    wui::describe_text(text);
}

void copyable(const std::string& value, std::string_view copied_label) {
    check_fits(value);
    ImGui::PushID(value.c_str());
    ImGui::PushStyleColor(ImGuiCol_Text, wui::palette().accent);
    if (ImGui::Selectable(value.c_str(), false, ImGuiSelectableFlags_None, ImGui::CalcTextSize(value.c_str()))) {
        webapp::platform::copy_to_clipboard(value);
        g_copied = value;
        g_copied_at = ImGui::GetTime();
    }
    ImGui::PopStyleColor();
    wui::describe_widget(webapp::semantics::Role::Button, value); // copies itself when pressed
    wui::probe::item("copy:" + value);
    if (g_copied == value && ImGui::GetTime() - g_copied_at < 2.0) {
        ImGui::SameLine();
        wui::muted_text(copied_label, wui::small_font_size);
    }
    ImGui::PopID();
}

bool row_opener(const std::string& label, const std::string& id) {
    check_fits(label);
    ImGui::PushID(id.c_str());

    const bool clicked = ImGui::Selectable(label.c_str(), false, ImGuiSelectableFlags_SpanAllColumns);
    if (g_focus_next_row) {
        // Focused as the arrows would (the keyboard cursor on it), not activated.
        g_focus_next_row = false;
        ImGui::ClearActiveID();
        ImGui::SetFocusID(ImGui::GetItemID(), ImGui::GetCurrentWindow());
        ImGui::SetNavCursorVisible(true);
    }
    const bool entered = ImGui::IsItemFocused() && ImGui::IsKeyPressed(ImGuiKey_Enter, false);
    wui::describe_widget(webapp::semantics::Role::Link, label); // opens the row's own page
    wui::probe::item("row:" + id);
    ImGui::PopID();
    return clicked || entered;
}

void focus_next_row() {
    g_focus_next_row = true;
    ImGui::NavMoveRequestCancel(); // the arrow's own move would land on the list's header
}

bool pager(std::string_view name, const wire::Pagination& pagination, std::int64_t& page, std::string_view previous,
           std::string_view next) {
    const std::int64_t pages = std::max<std::int64_t>(1, pagination.total_pages());
    bool asked = false;
    const std::string base = "button:" + std::string{name};
    if (wui::secondary_button(previous, base + ":previous", pagination.page > 1)) {
        page = pagination.page - 1;
        asked = true;
    }
    ImGui::SameLine();
    // A total that is a lower bound (a search with over 1,000 matches) says so with "+", and
    // Next stays offered past it.
    const char* more = pagination.total_is_lower_bound ? "+" : "";
    const std::string where = std::to_string(pagination.page) + " / " + std::to_string(pages) + more + "  (" +
                              std::to_string(pagination.total) + more + ")";
    ImGui::AlignTextToFramePadding();
    wui::muted_text(where);
    ImGui::SameLine();
    if (wui::secondary_button(next, base + ":next", pagination.page < pages || pagination.total_is_lower_bound)) {
        page = pagination.page + 1;
        asked = true;
    }
    return asked;
}

} // namespace isp::console::ui
