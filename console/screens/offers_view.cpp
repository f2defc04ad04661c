// The offers screen: draws console/app/offers.h's state.
#include "console/app/offers.h"
#include "console/screens/view.h"
#include "webapp/ui/theme.h"
#include "webapp/ui/widgets.h"

namespace isp::console {
namespace {

class OffersView : public View {
public:
    explicit OffersView(ConsoleApp& app) : View(app), section_(static_cast<Offers&>(*app.find("offers"))) {}

    std::string_view section() const override { return "offers"; }
    Text label() const override { return Text::NavOffers; }
    void draw(bool entered) override {
        (void)entered;
        (void)section_;
        webapp::ui::heading(tr(label()), webapp::ui::title_font_size);
    }

private:
    Offers& section_;
};

const RegisterView<OffersView> registered;

} // namespace
} // namespace isp::console
