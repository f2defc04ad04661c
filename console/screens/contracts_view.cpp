// The contracts screen: draws console/app/contracts.h's state.
#include "console/app/contracts.h"
#include "console/screens/view.h"
#include "webapp/ui/theme.h"
#include "webapp/ui/widgets.h"

namespace isp::console {
namespace {

class ContractsView : public View {
public:
    explicit ContractsView(ConsoleApp& app) : View(app), section_(static_cast<Contracts&>(*app.find("contracts"))) {}

    std::string_view section() const override { return "contracts"; }
    Text label() const override { return Text::NavContracts; }
    void draw(bool entered) override {
        (void)entered;
        (void)section_;
        webapp::ui::heading(tr(label()), webapp::ui::title_font_size);
    }

private:
    Contracts& section_;
};

const RegisterView<ContractsView> registered;

} // namespace
} // namespace isp::console
