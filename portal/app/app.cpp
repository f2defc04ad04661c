#include "portal/app/app.h"

#include <utility>

#include "imgui.h"
#include "portal/platform/browser.h"
#include "portal/platform/image.h"
#include "portal/platform/window.h"
#include "portal/ui/test_probe.h"
#include "portal/ui/theme.h"
#include "portal/ui/widgets.h"
#include "shared/domain/money.h"
#include "shared/wire/json_reader.h"
#include "shared/wire/signup_json.h"

namespace isp::portal {
namespace {

// The first of the browser's languages ("en-GB,fr") the portal speaks; French otherwise,
// which most of the operator's customers read.
Language first_known_language(std::string_view browser_languages) {
    while (!browser_languages.empty()) {
        const std::size_t comma = browser_languages.find(',');
        const std::string_view tag = browser_languages.substr(0, comma);
        const auto is = [tag](std::string_view primary) {
            return tag.starts_with(primary) && (tag.size() == primary.size() || tag[primary.size()] == '-');
        };
        if (is("fr"))
            return Language::French;
        if (is("en"))
            return Language::English;
        browser_languages = comma == std::string_view::npos ? std::string_view{} : browser_languages.substr(comma + 1);
    }
    return Language::French;
}

} // namespace

App::App()
    : signup_(api_), customer_(api_), status_screen_(session_), offers_screen_(session_, signup_, customer_),
      signup_screen_(session_, signup_), confirmation_screen_(session_, signup_), verify_screen_(session_, customer_),
      dashboard_screen_(session_, customer_), plan_change_screen_(session_, customer_),
      plan_changed_screen_(session_, customer_), invoices_screen_(session_, customer_) {
    // The person's own choice (the FR/EN switch) is remembered for their next visit.
    session_.change_language = [this](Language language) {
        platform::store_preference("language", wire::to_string(language));
        set_language(language);
    };
}

void App::start() {
    started_ = std::chrono::steady_clock::now();
    pending_draft_id_ = platform::query_parameter("draft");
    const std::string remembered = platform::stored_preference("language");
    set_language(remembered.empty() ? first_known_language(platform::browser_languages())
                                    : wire::parse_language(remembered));
    load_bootstrap();
}

void App::load_bootstrap() {
    phase_ = Phase::Loading;
    api_.bootstrap([this](ApiResult<Bootstrap> result) {
        platform::draw_first_frame_soon(); // the offers, or why there are none
        if (!result.value) {
            bootstrap_error_ = result.error;
            phase_ = Phase::Unreachable;
            return;
        }
        bootstrap_ = std::move(*result.value);
        session_.catalog = &*bootstrap_;
        signup_.attach(session_.catalog, [this](Language language) { set_language(language); });
        customer_.attach(session_.catalog);
        phase_ = Phase::Ready;
        if (!pending_draft_id_.empty())
            signup_.load_draft(std::exchange(pending_draft_id_, {}));
    });
}

void App::set_language(Language language) {
    session_.language = language;
    signup_.set_language(language); // the client's documents and messages follow the page
    customer_.set_language(language);
    api_.set_language(language);
    platform::set_page_language(wire::to_string(language));
}

Screen& App::current_screen() {
    switch (phase_) {
    case Phase::Loading: status_screen_.show_progress(Text::LoadingOffers); return status_screen_;
    case Phase::Unreachable: {
        const bool network = bootstrap_error_.network();
        status_screen_.show_problem(network ? Text::ServerUnreachable : Text::ServerError,
                                    network ? std::string{} : bootstrap_error_.detail, [this] { load_bootstrap(); });
        return status_screen_;
    }
    case Phase::Ready: break;
    }
    if (signup_.busy() == Busy::LoadingDraft) {
        status_screen_.show_progress(Text::LoadingDraft);
        return status_screen_;
    }
    switch (customer_.step()) {
    case CustomerStep::Inactive: break;
    case CustomerStep::Verify: return verify_screen_;
    case CustomerStep::Dashboard: return dashboard_screen_;
    case CustomerStep::PlanChange: return plan_change_screen_;
    case CustomerStep::PlanChanged: return plan_changed_screen_;
    case CustomerStep::Invoices: return invoices_screen_;
    }
    switch (signup_.step()) {
    case JourneyStep::ChooseOffer: return offers_screen_;
    case JourneyStep::Details: return signup_screen_;
    case JourneyStep::Done: return confirmation_screen_;
    }
    return offers_screen_;
}

// The catalog usually answers before the window is even ready; the offers are then the first
// frame. Past a second of waiting, the portal's own progress screen replaces the page's message.
bool App::first_frame_ready() const {
    return phase_ != Phase::Loading || std::chrono::steady_clock::now() - started_ > std::chrono::seconds(1);
}

void App::prepare_frame(float pixel_ratio) {
    ui::apply_theme(pixel_ratio);
}

void App::draw_frame(float pixel_ratio) {
    ui::probe::begin_frame();
    Screen& screen = current_screen();
    screen.draw(&screen != shown_screen_);
    shown_screen_ = &screen;
    if (std::string title = screen.title(); title != shown_title_) {
        platform::set_page_title(title);
        shown_title_ = std::move(title);
    }
    announce_messages(screen);
    ui::end_frame();
    if (ui::probe::enabled()) // built only for tests: a whole summary of the state each frame
        ui::probe::end_frame(pixel_ratio, test_state(screen));
}

void App::frame_drawn() {
    if (marked_interactive_ || phase_ != Phase::Ready)
        return;
    platform::mark_timing("portal:first-interactive-frame"); // the catalog is drawn and can be clicked
    marked_interactive_ = true;
    // Asked for only now, so that it never competes with the offers: the logo joins the
    // header when it arrives.
    if (!bootstrap_->operator_logo_url.empty())
        platform::load_image(bootstrap_->operator_logo_url,
                             [this](platform::Image logo) { session_.operator_logo = logo; });
}

// The notice on this screen (a journey's message, or why the catalog could not be loaded).
std::optional<std::string> App::shown_notice(const Screen& screen) const {
    if (&screen == &status_screen_)
        if (std::string problem = status_screen_.problem(); !problem.empty())
            return problem;
    const auto worded = [this](const auto& notice) -> std::optional<std::string> {
        if (!notice)
            return std::nullopt;
        return notice->text ? std::string{text(*notice->text, session_.language)} : notice->server_message;
    };
    if (customer_.step() != CustomerStep::Inactive)
        return worded(customer_.notice());
    return worded(signup_.notice());
}

// The field errors on screen, as (field, message), in the order of the fields.
std::vector<std::pair<std::string, std::string>> App::shown_errors() const {
    std::vector<std::pair<std::string, std::string>> errors;
    if (customer_.step() != CustomerStep::Inactive) {
        for (const char* field : {"verify_cin", "verify_line", "target_offer_id", "effective_date", "contract_id"})
            if (const auto e = customer_.shown_error(field))
                errors.emplace_back(field, *e);
        return errors;
    }
    for (const SignupField& f : signup_fields())
        if (const auto e = signup_.shown_error(f.name))
            errors.emplace_back(f.name, *e);
    if (const auto e = signup_.shown_error("commitment_months"))
        errors.emplace_back("commitment_months", *e);
    return errors;
}

// What a sighted person reads next to the fields, for screen readers: the notice, then
// each field error, once each time it changes.
void App::announce_messages(const Screen& screen) {
    std::string message = shown_notice(screen).value_or("");
    for (const auto& [field, error] : shown_errors())
        message += (message.empty() ? "" : " ") + error;
    if (message != announced_) {
        platform::announce(message);
        announced_ = std::move(message);
    }
}

nlohmann::json App::test_state(const Screen& screen) const {
    nlohmann::json state;
    state["screen"] = screen.name();
    state["language"] = wire::to_string(session_.language);
    if (bootstrap_) {
        state["operator"] = bootstrap_->operator_name;
        if (session_.operator_logo.texture)
            state["operator_logo"] = {{"width", session_.operator_logo.width},
                                      {"height", session_.operator_logo.height}};
        state["today"] = bootstrap_->today.to_iso();
        nlohmann::json offers = nlohmann::json::array();
        for (const OfferFamily& f : bootstrap_->families)
            for (const Offer& o : f.offers)
                offers.push_back({{"offer_id", o.offer_id}, {"family", to_string(o.family)}, {"name", o.name}});
        state["offers"] = std::move(offers);
    }
    const char* busy = "";
    switch (signup_.busy()) {
    case Busy::None: busy = ""; break;
    case Busy::LoadingDraft: busy = "loading_draft"; break;
    case Busy::SavingDraft: busy = "saving_draft"; break;
    case Busy::Submitting: busy = "submitting"; break;
    }
    state["busy"] = busy;
    state["form"] = wire::to_json(signup_.form());
    nlohmann::json errors = nlohmann::json::object();
    for (auto& [field, error] : shown_errors())
        errors[field] = std::move(error);
    state["errors"] = std::move(errors);
    if (auto notice = shown_notice(screen))
        state["notice"] = std::move(*notice);
    else
        state["notice"] = nullptr;
    state["draft_id"] = signup_.draft_id();
    state["draft_link"] = signup_.draft_link();
    if (const auto& c = signup_.contract())
        state["contract"] = {{"contract_id", c->contract_id},
                             {"contract_number", c->contract_number},
                             {"document_download_url", c->document_download_url}};
    else
        state["contract"] = nullptr;
    customer_test_state(state);
    return state;
}

// The existing-customer journey: its busy state (when it has one), typed fields (in
// "form", so tests type into them like into the signup form), errors and subscriptions.
void App::customer_test_state(nlohmann::json& state) const {
    const char* busy = "";
    switch (customer_.busy()) {
    case CustomerBusy::None: break;
    case CustomerBusy::Verifying: busy = "verifying"; break;
    case CustomerBusy::Loading: busy = "loading_subscriptions"; break;
    case CustomerBusy::Submitting: busy = "changing_plan"; break;
    case CustomerBusy::Linking: busy = "document_link"; break;
    case CustomerBusy::LoadingInvoices: busy = "loading_invoices"; break;
    }
    if (*busy)
        state["busy"] = busy;
    if (customer_.step() == CustomerStep::Inactive)
        return;
    state["form"]["verify_cin"] = customer_.cin();
    state["form"]["verify_line"] = customer_.line();
    state["form"]["effective_date"] = customer_.effective_date();
    state["form"]["target_offer_id"] = customer_.target_offer_id();
    state["first_name"] = customer_.first_name();
    nlohmann::json subscriptions = nlohmann::json::array();
    for (const Subscription& s : customer_.subscriptions().subscriptions) {
        nlohmann::json eligible = nlohmann::json::array();
        for (const EligibleOffer& e : s.eligible_offers)
            eligible.push_back({{"offer_id", e.offer.offer_id},
                                {"name", e.offer.name},
                                {"direction", e.direction},
                                {"monthly_difference", format_money(e.monthly_difference, session_.language)}});
        subscriptions.push_back({{"contract_id", s.contract.contract_id},
                                 {"offer", s.offer.name},
                                 {"service_identifier", s.contract.service_identifier},
                                 {"document_version", s.contract.document_version},
                                 {"eligible_offers", std::move(eligible)}});
    }
    state["subscriptions"] = std::move(subscriptions);
    if (const auto& r = customer_.change_result())
        state["plan_change"] = {{"contract_id", r->contract_id},
                                {"offer", r->offer.name},
                                {"direction", r->direction},
                                {"effective_date", r->effective_date},
                                {"document_version", r->document.document_version},
                                {"document_download_url", r->document.document_download_url}};
    else
        state["plan_change"] = nullptr;
    nlohmann::json invoices = nlohmann::json::array();
    for (const ClientInvoice& i : customer_.invoices().invoices)
        invoices.push_back(
            {{"invoice_id", i.invoice.invoice_id},
             {"invoice_number", i.invoice.invoice_number},
             {"period", i.invoice.period},
             {"status", std::string{to_string(i.status)}},
             {"total", format_money(Money{i.invoice.total_minor, i.invoice.currency}, session_.language)},
             {"lines", i.invoice.lines.size()},
             {"document_download_url", i.document_download_url}});
    state["invoices"] = std::move(invoices);
    state["invoice_filter"] = customer_.invoice_filter()
                                  ? nlohmann::json(std::string{to_string(*customer_.invoice_filter())})
                                  : nlohmann::json(nullptr);
    state["expanded_invoice"] = customer_.expanded_invoice();
    if (const auto bill = customer_.first_invoice_preview())
        state["plan_change_preview"] = {
            {"total", format_money(Money{bill->total_minor, bill->currency}, session_.language)},
            {"lines", bill->lines.size()}};
    else
        state["plan_change_preview"] = nullptr;
}

} // namespace isp::portal
