// The console's lists: Dear ImGui tables with the console's look, columns sorted by a click
// on their header (the sort is the caller's: it sorts its page, or asks the server), a value
// that copies itself to the clipboard (a CIN, a contract or invoice number), a row a click or
// Enter opens, and the pager that moves through the API's pages.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "shared/wire/page_json.h"

namespace isp::console::ui {

// Opens a table of `columns` (begin with ImGui::TableSetupColumn for each, then
// ImGui::TableHeadersRow()); returns false when nothing is to be drawn (then no end_table()).
// `height` (CSS px) > 0: the table scrolls inside that height with its header kept in view.
bool begin_table(std::string_view id, int columns, bool sortable = true, float height = 0.0f);
void end_table();

// The column the person sorted by (its index) and the direction, when it changed this frame.
struct SortRequest {
    bool changed = false;
    int column = 0;
    bool ascending = true;
};
SortRequest sort_request();

// A table whose rows come sorted by the server, in the order its section holds (its place,
// so Back restores it): opened with begin_server_sorted_table (`default_unmarked`: the list's
// default order is no column's, and a third click on a header returns to it); `shown` is
// that order (column -1: the default, no column marked). The headers show it, and the order
// the person clicked this frame is returned when it differs; the section asks the server.
struct ColumnSort {
    int column = -1; // -1: the list's default order
    bool ascending = true;
    bool operator==(const ColumnSort&) const = default;
};
// `height` as begin_table's: > 0 scrolls inside it (a long list of clipped_rows). `hideable`:
// columns may be turned off (ImGui::TableSetColumnEnabled; a narrow screen drops some).
bool begin_server_sorted_table(std::string_view id, int columns, bool default_unmarked, float height = 0.0f,
                               bool hideable = false);
std::optional<ColumnSort> server_sort(const ColumnSort& shown);

// Rows [0, count) of a scrolling table, only the visible ones drawn (a list of 100,000 costs
// what its screenful costs): `shown(first, last)` learns the visible range each frame (a
// PagedList asks for their pages), `draw_row(i)` draws row i (ImGui::TableNextRow first).
void clipped_rows(std::int64_t count, const std::function<void(std::int64_t first, std::int64_t last)>& shown,
                  const std::function<void(std::int64_t index)>& draw_row);

// A value of a known form (a date, an amount, a number, a status) on one line of its cell: it
// never wraps, and its column should fit it (ImGuiTableColumnFlags_WidthFixed). One that does
// not fit is reported to the test probe as cut. `muted`: in the secondary text colour.
void cell(std::string_view text, bool muted = false);

// Whether what is left of the window is narrower than a list of several values needs (760
// CSS px: a 768-px tablet, the navigation beside it). Lists then hide the columns their item's
// own page shows, and put a row's buttons under its first cell.
bool narrow_content();

// A cell's value that copies itself when clicked (with a "Copied" hint); probe id "copy:<value>".
void copyable(const std::string& value, std::string_view copied_label);

// The first cell of a row: a selectable over the whole row; true when clicked or Enter pressed
// on it. Probe id "row:<id>".
bool row_opener(const std::string& label, const std::string& id);
// The next row_opener drawn takes the keyboard focus (the Down arrow in a search field moves
// to the first row of the list under it; the arrows then move between rows).
void focus_next_row();

// "Previous  Page 2 / 9 (170)  Next" ("2 / 50+ (1000+)" when the total is a lower bound): true
// with the new page in `page` when one was asked for.
// Probe ids "button:<name>:previous", "button:<name>:next".
bool pager(std::string_view name, const wire::Pagination& pagination, std::int64_t& page, std::string_view previous,
           std::string_view next);

} // namespace isp::console::ui
