#include "console/ui/form_field.h"

#include "console/ui/table.h"
#include "imgui.h"
#include "imgui_stdlib.h"
#include "webapp/ui/semantics_recorder.h"
#include "webapp/ui/test_probe.h"
#include "webapp/ui/theme.h"
#include "webapp/ui/widgets.h"

namespace isp::console::ui {

namespace wui = webapp::ui;

webapp::ui::FieldEvents field(std::string_view name, std::string_view label, std::string& value,
                              const FieldOptions& options) {
    ImGui::PushID(name.data(), name.data() + name.size());
    wui::bold_text(label, wui::small_font_size);
    if (!options.hint.empty())
        wui::muted_text(options.hint, wui::small_font_size);
    wui::FieldEvents events;
    const bool has_error = !options.error.empty();
    ImGui::BeginDisabled(!options.enabled);
    if (has_error)
        ImGui::PushStyleColor(ImGuiCol_Border, wui::palette().error);
    ImGui::SetNextItemWidth(options.width < 0.0f ? -1.0f : wui::px(options.width));
    if (options.focus)
        wui::focus_first_field(); // on devices with a keyboard only
    if (options.enabled && wui::take_first_field_focus())
        ImGui::SetKeyboardFocusHere();
    const ImGuiInputTextFlags flags = options.password ? ImGuiInputTextFlags_Password : ImGuiInputTextFlags_None;
    events.edited = ImGui::InputText("##value", &value, flags);
    events.left = wui::field_left();
    events.submitted =
        events.left && (ImGui::IsKeyPressed(ImGuiKey_Enter) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter));
    if (has_error)
        ImGui::PopStyleColor();
    ImGui::EndDisabled();
    // A password field without a kind of its own is the person's current password.
    const webapp::semantics::FieldKind kind = options.password && options.kind == webapp::semantics::FieldKind::Text
                                                  ? webapp::semantics::FieldKind::CurrentPassword
                                                  : options.kind;
    wui::describe_field(label, options.hint, options.error, value, kind, !options.enabled);
    std::string probe_id = "field:";
    probe_id += name;
    wui::probe::item(probe_id);
    if (has_error)
        wui::error_text(options.error);
    ImGui::PopID();
    wui::gap(6.0f);
    return events;
}

webapp::ui::FieldEvents search_field(std::string_view name, std::string_view placeholder, std::string& value,
                                     float width) {
    ImGui::PushID(name.data(), name.data() + name.size());
    if (!ImGui::GetIO().WantTextInput && ImGui::IsKeyPressed(ImGuiKey_Slash, false))
        ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(width < 0.0f ? -1.0f : wui::px(width));
    wui::FieldEvents events;
    const std::string hint{placeholder};
    events.edited = ImGui::InputTextWithHint("##search", hint.c_str(), &value);
    wui::describe_field(hint, {}, {}, value, webapp::semantics::FieldKind::Search, false);
    if (ImGui::IsItemActive() && ImGui::IsKeyPressed(ImGuiKey_DownArrow, false))
        focus_next_row(); // from the search to its results, as in a browser's address bar
    events.left = wui::field_left();
    events.submitted =
        events.left && (ImGui::IsKeyPressed(ImGuiKey_Enter) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter));
    std::string probe_id = "field:";
    probe_id += name;
    wui::probe::item(probe_id);
    ImGui::PopID();
    return events;
}

bool choice(std::string_view name, std::string_view label, std::string& value, const std::vector<std::string>& choices,
            const std::vector<std::string>& labels) {
    bool changed = false;
    if (!label.empty())
        wui::bold_text(label, wui::small_font_size);
    wui::begin_group(webapp::semantics::Role::RadioGroup, label.empty() ? name : label);
    ImGui::PushID(name.data(), name.data() + name.size());
    for (std::size_t i = 0; i < choices.size(); ++i) {
        if (i > 0)
            ImGui::SameLine();
        const bool selected = value == choices[i];
        const std::string probe_id = "choice:" + std::string{name} + ":" + choices[i];
        const std::string& shown = i < labels.size() ? labels[i] : choices[i];
        if (selected)
            ImGui::PushStyleColor(ImGuiCol_Button, wui::palette().accent);
        if (selected)
            ImGui::PushStyleColor(ImGuiCol_Text, wui::palette().on_accent);
        if (ImGui::Button((shown + "##" + choices[i]).c_str()) && !selected) {
            value = choices[i];
            changed = true;
        }
        if (selected)
            ImGui::PopStyleColor(2);
        // One of a few: a radio button, as a screen reader should say.
        wui::describe_widget(webapp::semantics::Role::Radio, shown, {.checked = selected});
        wui::probe::item(probe_id);
    }
    ImGui::PopID();
    wui::end_group();
    wui::gap(6.0f);
    return changed;
}

} // namespace isp::console::ui
