// Base of every screen (ImHex-style views): owns the full-page Dear ImGui window, the
// header (operator name, language switch) and the centred, scrolling content column;
// a screen only draws its content from state and turns clicks into commands.
#pragma once
#include <string>
#include <string_view>

#include "portal/app/session.h"
#include "portal/i18n/ui_text.h"

namespace isp::portal {

class Screen {
public:
    Screen(std::string_view name, Session& session) : session_(session), name_(name) {}
    virtual ~Screen() = default;
    Screen(const Screen&) = delete;
    Screen& operator=(const Screen&) = delete;

    // `entered`: first frame after another screen: starts at the top, with the keyboard
    // focus at the start of the page, as a new web page does.
    void draw(bool entered);
    // Stable machine name ("offers", "signup", ...): page state for tests, never shown.
    virtual std::string_view name() const { return name_; }
    // The browser tab's title.
    virtual std::string title() const;

protected:
    virtual void draw_content() = 0;
    Language lang() const { return session_.language; }
    std::string_view tr(Text id) const { return text(id, session_.language); }
    // True when the column is narrow (a phone): lay things out one above the other.
    static bool narrow();

    Session& session_;

private:
    void draw_header();
    void drag_to_scroll();

    std::string_view name_;
};

} // namespace isp::portal
