// The staff accounts screen: draws console/app/staff_accounts.h's state.
#include "console/app/staff_accounts.h"
#include "console/screens/view.h"
#include "webapp/ui/theme.h"
#include "webapp/ui/widgets.h"

namespace isp::console {
namespace {

class StaffAccountsView : public View {
public:
    explicit StaffAccountsView(ConsoleApp& app)
        : View(app), section_(static_cast<StaffAccounts&>(*app.find("staff_accounts"))) {}

    std::string_view section() const override { return "staff_accounts"; }
    Text label() const override { return Text::NavStaff; }
    void draw(bool entered) override {
        (void)entered;
        (void)section_;
        webapp::ui::heading(tr(label()), webapp::ui::title_font_size);
    }

private:
    StaffAccounts& section_;
};

const RegisterView<StaffAccountsView> registered;

} // namespace
} // namespace isp::console
