// The billing screen: draws console/app/billing.h's state.
#include "console/app/billing.h"
#include "console/screens/view.h"
#include "webapp/ui/theme.h"
#include "webapp/ui/widgets.h"

namespace isp::console {
namespace {

class BillingView : public View {
public:
    explicit BillingView(ConsoleApp& app) : View(app), section_(static_cast<Billing&>(*app.find("billing"))) {}

    std::string_view section() const override { return "billing"; }
    Text label() const override { return Text::NavBilling; }
    void draw(bool entered) override {
        (void)entered;
        (void)section_;
        webapp::ui::heading(tr(label()), webapp::ui::title_font_size);
    }

private:
    Billing& section_;
};

const RegisterView<BillingView> registered;

} // namespace
} // namespace isp::console
