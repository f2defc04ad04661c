// The customers screen: draws console/app/customers.h's state.
#include "console/app/customers.h"
#include "console/screens/view.h"
#include "webapp/ui/theme.h"
#include "webapp/ui/widgets.h"

namespace isp::console {
namespace {

class CustomersView : public View {
public:
    explicit CustomersView(ConsoleApp& app) : View(app), section_(static_cast<Customers&>(*app.find("customers"))) {}

    std::string_view section() const override { return "customers"; }
    Text label() const override { return Text::NavCustomers; }
    void draw(bool entered) override {
        (void)entered;
        (void)section_;
        webapp::ui::heading(tr(label()), webapp::ui::title_font_size);
    }

private:
    Customers& section_;
};

const RegisterView<CustomersView> registered;

} // namespace
} // namespace isp::console
