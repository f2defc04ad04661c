#include "console/ui/table.h"

#include <algorithm>
#include <set>

#include "imgui.h"
#include "imgui_internal.h" // ImGui::GetCurrentTable(): which table a sort is for
#include "webapp/platform/browser.h"
#include "webapp/ui/test_probe.h"
#include "webapp/ui/theme.h"
#include "webapp/ui/widgets.h"

namespace isp::console::ui {

namespace wui = webapp::ui;

namespace {
std::string g_copied; // the value copied last, shown as such while hovered
double g_copied_at = -10.0;
std::set<ImGuiID> g_sorted_tables; // tables whose header was clicked
} // namespace

bool begin_table(std::string_view id, int columns, bool sortable, float height) {
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuter |
                            ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_PadOuterX;
    if (sortable) // tristate: no column is sorted until clicked, so a new table asks for nothing
        flags |= ImGuiTableFlags_Sortable | ImGuiTableFlags_SortTristate;
    if (height > 0.0f)
        flags |= ImGuiTableFlags_ScrollY;
    const std::string table_id{id};
    return ImGui::BeginTable(table_id.c_str(), columns, flags, ImVec2(0.0f, height > 0.0f ? wui::px(height) : 0.0f));
}

void end_table() {
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
    if (!specs || !specs->SpecsDirty)
        return out;
    specs->SpecsDirty = false;
    if (specs->SpecsCount == 0 && !g_sorted_tables.contains(ImGui::GetCurrentTable()->ID))
        return out; // a new table, never sorted
    out.changed = true;
    if (specs->SpecsCount == 0) { // the third click: back to the list's own order
        g_sorted_tables.erase(ImGui::GetCurrentTable()->ID);
        out.column = -1;
        return out;
    }
    g_sorted_tables.insert(ImGui::GetCurrentTable()->ID);
    out.column = specs->Specs[0].ColumnIndex;
    out.ascending = specs->Specs[0].SortDirection != ImGuiSortDirection_Descending;
    return out;
}

void copyable(const std::string& value, std::string_view copied_label) {
    ImGui::PushID(value.c_str());
    ImGui::PushStyleColor(ImGuiCol_Text, wui::palette().accent);
    if (ImGui::Selectable(value.c_str(), false, ImGuiSelectableFlags_None, ImGui::CalcTextSize(value.c_str()))) {
        webapp::platform::copy_to_clipboard(value);
        g_copied = value;
        g_copied_at = ImGui::GetTime();
    }
    ImGui::PopStyleColor();
    wui::probe::item("copy:" + value);
    if (g_copied == value && ImGui::GetTime() - g_copied_at < 2.0) {
        ImGui::SameLine();
        wui::muted_text(copied_label, wui::small_font_size);
    }
    ImGui::PopID();
}

bool row_opener(const std::string& label, const std::string& id) {
    ImGui::PushID(id.c_str());
    const bool clicked = ImGui::Selectable(label.c_str(), false, ImGuiSelectableFlags_SpanAllColumns);
    const bool entered = ImGui::IsItemFocused() && ImGui::IsKeyPressed(ImGuiKey_Enter, false);
    wui::probe::item("row:" + id);
    ImGui::PopID();
    return clicked || entered;
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
    const std::string where = std::to_string(pagination.page) + " / " + std::to_string(pages) + "  (" +
                              std::to_string(pagination.total) + ")";
    ImGui::AlignTextToFramePadding();
    wui::muted_text(where);
    ImGui::SameLine();
    if (wui::secondary_button(next, base + ":next", pagination.page < pages)) {
        page = pagination.page + 1;
        asked = true;
    }
    return asked;
}

} // namespace isp::console::ui
