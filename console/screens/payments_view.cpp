// The payments screen: draws console/app/payments.h's state.
#include "console/app/payments.h"
#include "console/screens/view.h"
#include "webapp/ui/theme.h"
#include "webapp/ui/widgets.h"

namespace isp::console {
namespace {

class PaymentsView : public View {
public:
    explicit PaymentsView(ConsoleApp& app) : View(app), section_(static_cast<Payments&>(*app.find("payments"))) {}

    std::string_view section() const override { return "payments"; }
    Text label() const override { return Text::NavPayments; }
    void draw(bool entered) override {
        (void)entered;
        (void)section_;
        webapp::ui::heading(tr(label()), webapp::ui::title_font_size);
    }

private:
    Payments& section_;
};

const RegisterView<PaymentsView> registered;

} // namespace
} // namespace isp::console
