// The collections screen: draws console/app/collections.h's state.
#include "console/app/collections.h"
#include "console/screens/view.h"
#include "webapp/ui/theme.h"
#include "webapp/ui/widgets.h"

namespace isp::console {
namespace {

class CollectionsView : public View {
public:
    explicit CollectionsView(ConsoleApp& app)
        : View(app), section_(static_cast<Collections&>(*app.find("collections"))) {}

    std::string_view section() const override { return "collections"; }
    Text label() const override { return Text::NavCollections; }
    void draw(bool entered) override {
        (void)entered;
        (void)section_;
        webapp::ui::heading(tr(label()), webapp::ui::title_font_size);
    }

private:
    Collections& section_;
};

const RegisterView<CollectionsView> registered;

} // namespace
} // namespace isp::console
