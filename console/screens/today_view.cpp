// The home screen: three panels (active contracts by family, the last billing run, money
// owed by age), each with a way into its list. Draws console/app/today.h's state.
#include "console/app/today.h"
#include "console/screens/view.h"
#include "console/ui/table.h"
#include "imgui.h"
#include "shared/collections/collection_case.h"
#include "webapp/ui/box.h"
#include "webapp/ui/test_probe.h"
#include "webapp/ui/theme.h"
#include "webapp/ui/widgets.h"

namespace isp::console {
namespace {

namespace wui = webapp::ui;

class TodayView : public View {
public:
    explicit TodayView(ConsoleApp& app) : View(app), today_(static_cast<Today&>(*app.find("today"))) {}

    std::string_view section() const override { return "today"; }
    Text label() const override { return Text::NavToday; }

    void draw(bool) override {
        wui::heading(tr(label()), wui::title_font_size);
        const auto& figures = today_.figures();
        if (!figures) {
            if (!today_.busy().empty())
                wui::progress(tr(Text::Loading));
            return;
        }
        wui::muted_text(tr({"Au ", "As of "}) + figures->as_of.to_iso());
        wui::gap(10.0f);
        // Side by side on a laptop, one above the other on a tablet.
        const bool wide = ImGui::GetContentRegionAvail().x > wui::px(900.0f);
        if (wide && ImGui::BeginTable("##panels", 3, ImGuiTableFlags_SizingStretchSame)) {
            ImGui::TableNextColumn();
            draw_contracts(*figures);
            ImGui::TableNextColumn();
            draw_last_run(*figures);
            ImGui::TableNextColumn();
            draw_open_cases();
            ImGui::EndTable();
        } else {
            draw_contracts(*figures);
            wui::gap(8.0f);
            draw_last_run(*figures);
            wui::gap(8.0f);
            draw_open_cases();
        }
        wui::gap(12.0f);
        draw_money_owed(*figures);
    }

private:
    std::string tr(const webapp::Translation& words) const { return std::string{View::tr(words)}; }
    std::string_view tr(Text id) const { return View::tr(id); }

    void panel_title(std::string_view title) { wui::bold_text(title, wui::large_font_size); }

    void draw_contracts(const StaffToday& f) {
        const wui::Box box({wui::palette().surface, wui::palette().border});
        panel_title(tr({"Contrats actifs", "Active contracts"}));
        std::int64_t total = 0;
        for (const FamilyCount& c : f.active_contracts)
            total += c.count;
        wui::heading(std::to_string(total), wui::title_font_size);
        for (const FamilyCount& c : f.active_contracts) {
            const std::string label = std::string{family_label(c.family, lang())} + " : " + std::to_string(c.count);
            ImGui::PushID(static_cast<int>(c.family));
            if (ImGui::Selectable(label.c_str()))
                today_.open_contracts(c.family);
            ImGui::PopID();
            wui::probe::item("link:contracts:" + std::string{to_string(c.family)});
        }
    }

    void draw_last_run(const StaffToday& f) {
        const wui::Box box({wui::palette().surface, wui::palette().border});
        panel_title(tr({"Derni\u00e8re facturation", "Last billing run"}));
        if (!f.last_billing_run) {
            wui::muted_text(tr({"Aucune p\u00e9riode factur\u00e9e pour l'instant.", "No period billed yet."}));
            return;
        }
        const BillingRunSummary& r = *f.last_billing_run;
        wui::heading(r.period, wui::title_font_size);
        wui::text(std::to_string(r.invoice_count) + " " + tr({"factures", "invoices"}));
        wui::text(tr({"Total TTC : ", "Total incl. tax: "}) + format_money({r.total_minor, r.currency}, lang()));
        wui::muted_text(tr({"Le ", "On "}) + r.completed_at.substr(0, 10) + tr({", par ", ", by "}) + r.actor,
                        wui::small_font_size);
        if (wui::secondary_button(tr({"Voir ses factures", "See its invoices"}), "link:last_run_invoices"))
            today_.open_last_run_invoices();
    }

    void draw_open_cases() {
        const wui::Box box({wui::palette().surface, wui::palette().border});
        panel_title(tr({"Dossiers de recouvrement ouverts", "Open collection cases"}));
        wui::heading(std::to_string(today_.open_cases()), wui::title_font_size);
        if (wui::secondary_button(tr({"Voir la liste de travail", "See the worklist"}), "link:collections"))
            today_.open_collections();
    }

    void draw_money_owed(const StaffToday& f) {
        const CollectionsOverview& c = f.collections;
        panel_title(tr({"Montants d\u00fbs", "Money owed"}));
        if (!ui::begin_table("owed", 3, false))
            return;
        ImGui::TableSetupColumn("##what");
        ImGui::TableSetupColumn(tr({"Factures", "Invoices"}).c_str());
        ImGui::TableSetupColumn(tr({"Montant", "Amount"}).c_str());
        ImGui::TableHeadersRow();
        const auto row = [&](const std::string& what, std::int64_t count, const Money& amount) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            wui::text(what);
            ImGui::TableNextColumn();
            wui::text(std::to_string(count));
            ImGui::TableNextColumn();
            wui::text(format_money(amount, lang()));
        };
        row(tr({"Non pay\u00e9 (tout)", "Outstanding (all)"}), c.outstanding_count, c.outstanding);
        row(tr({"En retard", "Overdue"}), c.overdue_count, c.overdue);
        for (std::size_t i = 0; i < ageing_buckets.size(); ++i) {
            const AgeingBucket& b = ageing_buckets[i];
            std::string what = "   " + std::to_string(b.min_days) +
                               (b.max_days ? "\u2013" + std::to_string(*b.max_days) : std::string{"+"}) + " " +
                               tr({"jours de retard", "days overdue"});
            row(what, c.ageing[i].invoice_count, c.ageing[i].amount);
        }
        ui::end_table();
        if (wui::secondary_button(tr({"Recouvrement", "Collections"}), "link:collections_overview"))
            today_.open_collections();
    }

    Today& today_;
};

const RegisterView<TodayView> registered;

} // namespace
} // namespace isp::console
