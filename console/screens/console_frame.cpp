#include "console/screens/console_frame.h"

#include <algorithm>

#include "console/i18n/console_text.h"
#include "console/screens/notice_banner.h"
#include "imgui.h"
#include "webapp/platform/browser.h"
#include "webapp/ui/semantics_recorder.h"
#include "webapp/ui/test_probe.h"
#include "webapp/ui/theme.h"
#include "webapp/ui/widgets.h"

namespace isp::console {

namespace wui = webapp::ui;

namespace {

constexpr float navigation_width = 210.0f;  // CSS px
constexpr float navigation_narrow = 150.0f; // CSS px, on a tablet in portrait
constexpr float top_bar_height = 48.0f;     // CSS px

constexpr ImGuiWindowFlags page_flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;

} // namespace

ConsoleFrame::ConsoleFrame(ConsoleApp& app) : app_(app), sign_in_screen_(app) {
    for (ViewFactory make : registered_views()) {
        std::unique_ptr<View> view = make(app_);
        std::string name{view->section()};
        views_.emplace(std::move(name), std::move(view));
    }
}

void ConsoleFrame::prepare_frame(float ui_scale) {
    wui::apply_theme(ui_scale);
}

void ConsoleFrame::draw_frame(float pixel_ratio) {
    wui::probe::begin_frame();
    std::string drawing;
    switch (app_.phase()) {
    case ConsoleApp::Phase::Starting:
    case ConsoleApp::Phase::Unreachable:
        drawing = "status";
        draw_status();
        break;
    case ConsoleApp::Phase::SignedOut: {
        drawing = "sign_in:" + std::to_string(static_cast<int>(app_.sign_in().stage()));
        sign_in_screen_.draw(drawing != drawn_);
        break;
    }
    case ConsoleApp::Phase::SignedIn:
        drawing = app_.place().section + "/" + app_.place().id;
        draw_signed_in();
        break;
    }
    drawn_ = std::move(drawing);
    keep_page_in_step();
    wui::end_frame();
    if (wui::probe::enabled()) {
        nlohmann::json state = app_.test_state();
        state["screen"] = app_.phase() == ConsoleApp::Phase::SignedIn    ? app_.place().section
                          : app_.phase() == ConsoleApp::Phase::SignedOut ? "sign_in"
                                                                         : "status";
        wui::probe::end_frame(pixel_ratio, std::move(state));
    }
}

void ConsoleFrame::frame_drawn() {
    if (marked_interactive_ || app_.phase() == ConsoleApp::Phase::Starting)
        return;
    webapp::platform::mark_timing("console:first-interactive-frame");
    marked_interactive_ = true;
}

void ConsoleFrame::draw_status() {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(wui::px(32.0f), wui::px(48.0f)));
    ImGui::Begin("##status", nullptr, page_flags);
    ImGui::PopStyleVar();
    const Language l = app_.language();
    if (app_.phase() == ConsoleApp::Phase::Starting) {
        wui::progress(text(Text::StartingConsole, l));
    } else {
        wui::banner(text(Text::NetworkFailed, l), wui::Tone::Error, "notice");
        wui::gap(8.0f);
        if (wui::primary_button(text(Text::Retry, l), "button:retry"))
            app_.retry_start();
    }
    ImGui::End();
}

void ConsoleFrame::draw_signed_in() {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float nav = wui::px(viewport->WorkSize.x < wui::px(900.0f) ? navigation_narrow : navigation_width);
    draw_navigation(nav);

    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + nav, viewport->WorkPos.y));
    ImGui::SetNextWindowSize(ImVec2(viewport->WorkSize.x - nav, wui::px(top_bar_height)));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(wui::px(16.0f), wui::px(8.0f)));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, wui::palette().surface);
    ImGui::Begin("##top_bar", nullptr, page_flags);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    draw_top_bar();
    ImGui::End();

    Section* section = app_.current();
    const auto view = section ? views_.find(section->name()) : views_.end();
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + nav, viewport->WorkPos.y + wui::px(top_bar_height)));
    ImGui::SetNextWindowSize(ImVec2(viewport->WorkSize.x - nav, viewport->WorkSize.y - wui::px(top_bar_height)));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(wui::px(20.0f), wui::px(16.0f)));
    const std::string place = app_.place().section + "/" + app_.place().id;
    const bool entered = place != drawn_;
    if (entered) {
        ImGui::SetNextWindowScroll(ImVec2(0.0f, 0.0f));
        ImGui::SetNextWindowFocus();
        wui::focus_heading_on_arrival(); // the page's focus on its title, unless a field takes it
    }
    ImGui::Begin(("##content_" + app_.place().section).c_str(), nullptr, page_flags & ~ImGuiWindowFlags_NoScrollbar);
    ImGui::PopStyleVar();
    if (section) {
        draw_notice(section->notice(), app_.language(), [section] { section->dismiss_notice(); });
        if (view != views_.end())
            view->second->draw(entered);
    }
    ImGui::End();
}

void ConsoleFrame::draw_navigation(float width) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const wui::Palette& p = wui::palette();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(ImVec2(width, viewport->WorkSize.y));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(wui::px(10.0f), wui::px(14.0f)));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, p.accent);
    ImGui::Begin("##navigation", nullptr, page_flags);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    ImGui::PushStyleColor(ImGuiCol_Text, p.on_accent);
    wui::bold_text(text(Text::ConsoleTitle, app_.language()), wui::large_font_size);
    ImGui::PopStyleColor();
    wui::gap(14.0f);
    for (Section* s : app_.visible_sections()) {
        const auto view = views_.find(s->name());
        if (view == views_.end())
            continue;
        const bool here = app_.place().section == s->name();
        ImGui::PushStyleColor(ImGuiCol_Text, here ? p.accent : p.on_accent);
        ImGui::PushStyleColor(ImGuiCol_Header, p.surface);
        ImGui::PushStyleColor(ImGuiCol_HeaderHovered, here ? p.surface : ImVec4(1, 1, 1, 0.15f));
        ImGui::PushStyleColor(ImGuiCol_HeaderActive, p.surface);
        // The section's name wraps (a narrow navigation beside a tablet's content): read whole.
        const std::string_view name = text(view->second->label(), app_.language());
        const ImVec2 pad = ImGui::GetStyle().FramePadding;
        const float wrap = ImGui::GetContentRegionAvail().x - 2.0f * pad.x;
        const ImVec2 size = ImGui::CalcTextSize(name.data(), name.data() + name.size(), false, wrap);
        const float height = std::max(wui::px(30.0f), size.y + 2.0f * pad.y);
        const ImVec2 at = ImGui::GetCursorScreenPos();
        ImGui::PushID(s->name().data(), s->name().data() + s->name().size());
        if (ImGui::Selectable("##nav", here, ImGuiSelectableFlags_None, ImVec2(0.0f, height)))
            app_.go(Place{std::string{s->name()}, {}, {}});
        ImGui::GetWindowDrawList()->AddText(
            ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(at.x + pad.x, at.y + (height - size.y) * 0.5f),
            ImGui::GetColorU32(ImGuiCol_Text), name.data(), name.data() + name.size(), wrap);
        // A link to the section, "current" where the person is.
        wui::describe_widget(webapp::semantics::Role::Link, name, {.current = here});
        ImGui::PopID();
        ImGui::PopStyleColor(4);
        wui::probe::item("nav:" + std::string{s->name()});
    }
    ImGui::End();
}

void ConsoleFrame::draw_top_bar() {
    const Language l = app_.language();
    if (app_.can_go_back()) {
        if (wui::secondary_button(text(Text::Back, l), "button:back"))
            app_.back();
        ImGui::SameLine();
    }
    if (const Section* s = app_.current(); s && !s->busy().empty()) {
        ImGui::AlignTextToFramePadding();
        wui::progress(text(Text::Loading, l));
        ImGui::SameLine();
    }
    const auto& account = app_.context().account;
    const std::string who = account ? account->display_name + " (" + join_staff_roles(account->roles) + ")" : "";
    // The buttons' width: their bold label and 16 CSS px of padding each side (webapp/ui/widgets.cpp).
    ImGui::PushFont(wui::fonts().bold, 0.0f);
    const auto button_width = [](std::string_view label) {
        return ImGui::CalcTextSize(label.data(), label.data() + label.size()).x + wui::px(32.0f);
    };
    const float buttons =
        button_width(who) + button_width(text(Text::SignOut, l)) + button_width("FR") + button_width("EN");
    ImGui::PopFont();
    const ImGuiStyle& style = ImGui::GetStyle();
    const float right = ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x;
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), right - buttons - style.ItemSpacing.x * 4.0f));
    // The person's name opens "My account" (password, two-step sign-in).
    if (wui::secondary_button(who, "button:my_account") && app_.place().section != "account")
        app_.go(Place{"account", {}, {}});
    ImGui::SameLine();
    const wui::Palette& p = wui::palette();
    // The toggle buttons are made for the accent-coloured header: draw them on an accent chip.
    ImGui::PushStyleColor(ImGuiCol_Text, p.accent);
    if (wui::secondary_button("FR", "lang:fr", l != Language::French, 0.0f))
        app_.set_language(Language::French);
    ImGui::SameLine();
    if (wui::secondary_button("EN", "lang:en", l != Language::English, 0.0f))
        app_.set_language(Language::English);
    ImGui::PopStyleColor();
    ImGui::SameLine();
    if (wui::secondary_button(text(Text::SignOut, l), "button:sign_out"))
        app_.sign_out();
}

void ConsoleFrame::keep_page_in_step() {
    std::string title{text(Text::ConsoleTitle, app_.language())};
    if (const Section* s = app_.current(); s) {
        if (const auto view = views_.find(s->name()); view != views_.end())
            title = std::string{text(view->second->label(), app_.language())} + " \u2013 " + title;
    }
    const bool new_title = title != shown_title_;
    if (new_title) {
        webapp::platform::set_page_title(title);
        shown_title_ = std::move(title);
    }
    std::string message;
    if (app_.phase() == ConsoleApp::Phase::SignedOut && app_.sign_in().notice())
        message = app_.sign_in().notice()->text;
    else if (const Section* s = app_.current(); s && s->notice())
        message = s->notice()->text;
    // Another section: its title is said first, once, as a screen reader says a new page's.
    if (new_title) {
        webapp::platform::announce(message.empty() ? shown_title_ : shown_title_ + ". " + message);
        announced_ = std::move(message);
    } else if (message != announced_) {
        webapp::platform::announce(message);
        announced_ = std::move(message);
    }
}

} // namespace isp::console
