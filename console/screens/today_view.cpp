// The today screen: draws console/app/today.h's state.
#include "console/app/today.h"
#include "console/screens/view.h"
#include "webapp/ui/theme.h"
#include "webapp/ui/widgets.h"

namespace isp::console {
namespace {

class TodayView : public View {
public:
    explicit TodayView(ConsoleApp& app) : View(app), section_(static_cast<Today&>(*app.find("today"))) {}

    std::string_view section() const override { return "today"; }
    Text label() const override { return Text::NavToday; }
    void draw(bool entered) override {
        (void)entered;
        (void)section_;
        webapp::ui::heading(tr(label()), webapp::ui::title_font_size);
    }

private:
    Today& section_;
};

const RegisterView<TodayView> registered;

} // namespace
} // namespace isp::console
