// A section's screen (ImHex-style views): draws the section's state into the content area
// the console frame gives it and turns clicks and keys into the section's commands. Each
// view registers itself from its own file, under its section's name:
//
//     const RegisterView<CustomersView> registered; // in screens/customers_view.cpp
//
// so adding a screen touches its section and its own file, never the frame.
#pragma once
#include <memory>
#include <string_view>
#include <vector>

#include "console/app/console_app.h"
#include "console/i18n/console_text.h"

namespace isp::console {

class View {
public:
    explicit View(ConsoleApp& app) : app_(app) {}
    virtual ~View() = default;
    View(const View&) = delete;
    View& operator=(const View&) = delete;

    virtual std::string_view section() const = 0;
    // The section's navigation label.
    virtual Text label() const = 0;
    // Draws the content area; `entered`: first frame at a new place.
    virtual void draw(bool entered) = 0;

protected:
    Language lang() const { return app_.language(); }
    std::string_view tr(Text id) const { return text(id, lang()); }
    std::string_view tr(const webapp::Translation& words) const { return console::tr(words, lang()); }

    ConsoleApp& app_;
};

using ViewFactory = std::unique_ptr<View> (*)(ConsoleApp& app);
const std::vector<ViewFactory>& registered_views();
void register_view(ViewFactory make);

template <class V> struct RegisterView {
    RegisterView() {
        register_view([](ConsoleApp& app) -> std::unique_ptr<View> { return std::make_unique<V>(app); });
    }
};

} // namespace isp::console
