#include "webapp/ui/widgets.h"

#include <algorithm>
#include <cmath>

#include <utility>
#include <vector>

#include "imgui.h"
#include "imgui_internal.h" // ImMax/ImMin on ImVec2
#include "imgui_stdlib.h"
#include "webapp/platform/browser.h"
#include "webapp/platform/window.h"
#include "webapp/ui/box.h"
#include "webapp/ui/focus_ring.h"
#include "webapp/ui/semantics_recorder.h"
#include "webapp/ui/test_probe.h"
#include "webapp/ui/theme.h"

namespace isp::webapp::ui {
namespace {

std::vector<platform::TextFieldArea> g_text_fields; // drawn this frame, enabled
struct LeftOnClick {
    ImGuiID field = 0;
    int frame = 0; // Dear ImGui's frame count when the click left it
};
std::vector<LeftOnClick> g_left_on_click; // fields a click left, reported the next frame
bool g_focus_first_field = false;         // focus_first_field() asked, no field drawn yet

// Dear ImGui labels are NUL-terminated and carry their id after "##".
std::string label_with_id(std::string_view label, std::string_view id) {
    std::string out{label};
    out += "##";
    out += id;
    return out;
}

void wrapped(std::string_view text) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopTextWrapPos();
}

// `pressed`: a button that stays pressed or not (a filter): said as a toggle button.
bool button(std::string_view label, std::string_view probe_id, bool enabled, float width, bool primary,
            std::optional<bool> pressed = std::nullopt) {
    const Palette& p = palette();
    ImGui::BeginDisabled(!enabled);
    if (primary) {
        ImGui::PushStyleColor(ImGuiCol_Text, p.on_accent);
    } else {
        ImGui::PushStyleColor(ImGuiCol_Text, p.accent);
        ImGui::PushStyleColor(ImGuiCol_Button, p.surface);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, p.info_surface);
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, p.info_surface);
        ImGui::PushStyleColor(ImGuiCol_Border, p.accent);
    }
    ImGui::PushFont(fonts().bold, 0.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(px(16.0f), px(10.0f)));
    const float w = width < 0.0f ? ImGui::GetContentRegionAvail().x : width;
    const bool clicked = ImGui::Button(label_with_id(label, probe_id).c_str(), ImVec2(w, 0.0f));
    ImGui::PopStyleVar();
    ImGui::PopFont();
    ImGui::PopStyleColor(primary ? 1 : 5);
    ImGui::EndDisabled();
    describe_widget(pressed ? semantics::Role::ToggleButton : semantics::Role::Button, label,
                    {.disabled = !enabled, .pressed = pressed.value_or(false)});
    probe::item(probe_id);
    // Wider than the column or box that clips it: its label cannot be read whole.
    if (ImGui::GetItemRectMax().x > ImGui::GetWindowDrawList()->GetClipRectMax().x + 1.0f)
        probe::cut(probe_id);
    return clicked && enabled;
}

} // namespace

void heading(std::string_view text, float font_size) {
    ImGui::PushFont(fonts().bold, font_size);
    wrapped(text);
    ImGui::PopFont();
    describe_text(text, font_size >= title_font_size ? 1 : 2);
}

void text(std::string_view text) {
    wrapped(text);
    describe_text(text);
}

void bold_text(std::string_view text, float font_size) {
    ImGui::PushFont(fonts().bold, font_size);
    wrapped(text);
    ImGui::PopFont();
    describe_text(text);
}

void muted_text(std::string_view text, float font_size) {
    ImGui::PushFont(nullptr, font_size);
    ImGui::PushStyleColor(ImGuiCol_Text, palette().muted);
    wrapped(text);
    ImGui::PopStyleColor();
    ImGui::PopFont();
    describe_text(text);
}

void error_text(std::string_view text) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette().error);
    wrapped(text);
    ImGui::PopStyleColor();
    if (!is_last_field_error(text)) // else read with its field
        describe_text(text);
}

bool primary_button(std::string_view label, std::string_view probe_id, bool enabled, float width) {
    return button(label, probe_id, enabled, width, true);
}

bool secondary_button(std::string_view label, std::string_view probe_id, bool enabled, float width) {
    return button(label, probe_id, enabled, width, false);
}

bool filter_button(std::string_view label, std::string_view probe_id, bool applied) {
    return button(label, probe_id, true, 0.0f, applied, applied);
}

void next_in_row(std::string_view label) {
    ImGui::PushFont(fonts().bold, 0.0f); // a button's label is bold (button() above)
    const float width = ImGui::CalcTextSize(label.data(), label.data() + label.size()).x + 2.0f * px(16.0f);
    ImGui::PopFont();
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < width)
        ImGui::NewLine();
}

bool toggle_button(std::string_view label, std::string_view probe_id, bool selected) {
    const Palette& p = palette();
    ImGui::PushStyleColor(ImGuiCol_Text, selected ? p.accent : p.on_accent);
    ImGui::PushStyleColor(ImGuiCol_Button, selected ? p.surface : ImVec4(1, 1, 1, 0.0f));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, selected ? p.surface : ImVec4(1, 1, 1, 0.18f));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, p.surface);
    ImGui::PushStyleColor(ImGuiCol_Border, p.on_accent);
    ImGui::PushFont(fonts().bold, 0.0f);
    const bool clicked = ImGui::Button(label_with_id(label, probe_id).c_str());
    ImGui::PopFont();
    ImGui::PopStyleColor(5);
    describe_widget(semantics::Role::ToggleButton, label, {.pressed = selected});
    probe::item(probe_id);
    return clicked;
}

bool radio_button(std::string_view label, std::string_view probe_id, bool selected) {
    const std::string shown{label};
    const bool clicked = ImGui::RadioButton(shown.c_str(), selected);
    describe_widget(semantics::Role::Radio, label, {.checked = selected});
    probe::item(probe_id);
    return clicked;
}

FieldEvents text_input(std::string_view name, std::string& value, bool has_error, bool enabled,
                       const FieldSemantics& said) {
    FieldEvents events;
    ImGui::BeginDisabled(!enabled);
    if (has_error)
        ImGui::PushStyleColor(ImGuiCol_Border, palette().error);
    ImGui::SetNextItemWidth(-1.0f);
    if (enabled && take_first_field_focus())
        ImGui::SetKeyboardFocusHere();
    events.edited = ImGui::InputText("##value", &value);
    events.left = field_left();
    events.submitted =
        events.left && (ImGui::IsKeyPressed(ImGuiKey_Enter) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter));
    if (has_error)
        ImGui::PopStyleColor();
    ImGui::EndDisabled();
    describe_field(said.label.empty() ? name : said.label, said.hint, said.error, value, said.kind, !enabled);
    if (enabled) { // where a tap opens a phone's keyboard (the visible part of the field)
        ImDrawList* draw = ImGui::GetWindowDrawList();
        const ImVec2 min = ImMax(ImGui::GetItemRectMin(), draw->GetClipRectMin());
        const ImVec2 max = ImMin(ImGui::GetItemRectMax(), draw->GetClipRectMax());
        if (min.x < max.x && min.y < max.y)
            g_text_fields.push_back({min.x, min.y, max.x, max.y});
    }
    std::string probe_id = "field:";
    probe_id += name;
    probe::item(probe_id);
    return events;
}

bool field_left() {
    const ImGuiID id = ImGui::GetItemID();
    const auto pending = std::find_if(g_left_on_click.begin(), g_left_on_click.end(),
                                      [id](const LeftOnClick& left) { return left.field == id; });
    if (pending != g_left_on_click.end()) {
        g_left_on_click.erase(pending);
        return true;
    }
    if (!ImGui::IsItemDeactivated())
        return false;
    if (!ImGui::GetIO().MouseClicked[ImGuiMouseButton_Left])
        return true;
    g_left_on_click.push_back({id, ImGui::GetFrameCount()});
    return false;
}

void end_frame() {
    draw_focus_ring();
    // A field left by a click and not drawn the next frame (another screen): nothing to report.
    std::erase_if(g_left_on_click, [](const LeftOnClick& left) { return left.frame < ImGui::GetFrameCount(); });
    g_focus_first_field = false; // asked for on a screen without a field
    platform::set_text_field_areas(std::exchange(g_text_fields, {}));
    publish_semantics();
}

void focus_first_field() {
    static const bool keyboard = !platform::touch_first();
    g_focus_first_field = keyboard;
}

bool take_first_field_focus() {
    return std::exchange(g_focus_first_field, false);
}

void banner(std::string_view message, Tone tone, std::string_view probe_id) {
    const Palette& p = palette();
    const ImVec4& surface = tone == Tone::Error     ? p.error_surface
                            : tone == Tone::Success ? p.success_surface
                                                    : p.info_surface;
    const ImVec4& edge = tone == Tone::Error ? p.error : tone == Tone::Success ? p.success : p.accent;
    {
        const Box box({surface, edge, 1.0f, ImVec2(12.0f, 10.0f)});
        ImGui::PushStyleColor(ImGuiCol_Text, tone == Tone::Error ? p.error : p.text);
        wrapped(message);
        ImGui::PopStyleColor();
        describe_text(message);
    }
    if (!probe_id.empty())
        probe::item(probe_id);
}

void progress(std::string_view message) {
    const float radius = px(9.0f);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float line = ImGui::GetTextLineHeight();
    const ImVec2 centre(at.x + radius, at.y + line * 0.5f);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float start = static_cast<float>(ImGui::GetTime()) * 6.0f;
    draw->PathArcTo(centre, radius, start, start + 4.2f, 24);
    draw->PathStroke(color(palette().accent), ImDrawFlags_None, px(2.5f));
    ImGui::Dummy(ImVec2(radius * 2.0f, line));
    ImGui::SameLine();
    muted_text(message);
    probe::item("progress");
}

void gap(float css_pixels) {
    ImGui::Dummy(ImVec2(0.0f, px(css_pixels)));
}

} // namespace isp::webapp::ui
