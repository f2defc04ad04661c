#include "portal/app/app.h"

#include <string_view>
#include <utility>

#include "portal/app/page_address.h"
#include "shared/wire/json_reader.h"
#include "webapp/platform/browser.h"
#include "webapp/platform/page_history.h"

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
    : signup_(api_, {.draft_language = [this](Language language) { set_language(language); },
                     .verify_identity = [this](const std::string& cin) { customer_.verify_to_add_line(cin); },
                     .to_account = [this] { customer_.reopen_dashboard(); }}),
      customer_(api_), journeys_{&customer_, &signup_} {
    // A verified client's "add a line" goes on in the signup journey, with their token.
    customer_.on_add_line([this](KnownClient client) { signup_.add_line_for(std::move(client)); });
    // The person's own choice (the FR/EN switch) is remembered for their next visit.
    session_.change_language = [this](Language language) {
        webapp::platform::store_preference("language", wire::to_string(language));
        set_language(language);
    };
}

void App::start(std::function<void()> catalog_answered) {
    started_ = std::chrono::steady_clock::now();
    catalog_answered_ = std::move(catalog_answered);
    pending_draft_id_ = webapp::platform::query_parameter("draft");
    if (const std::string fragment = webapp::platform::page_fragment(); !fragment.empty())
        pending_screen_ = screen_at(fragment);
    const std::string remembered = webapp::platform::stored_preference("language");
    set_language(remembered.empty() ? first_known_language(webapp::platform::browser_languages())
                                    : wire::parse_language(remembered));
    load_bootstrap();
}

void App::load_bootstrap() {
    phase_ = Phase::Loading;
    api_.bootstrap([this](ApiResult<Bootstrap> result) {
        if (catalog_answered_)
            catalog_answered_(); // the offers, or why there are none
        if (!result.value) {
            bootstrap_error_ = result.error;
            phase_ = Phase::Unreachable;
            return;
        }
        bootstrap_ = std::move(*result.value);
        session_.catalog = &*bootstrap_;
        for (Journey* journey : journeys_)
            journey->attach(session_.catalog);
        phase_ = Phase::Ready;
        signup_.restore_from_tab();
        if (!pending_draft_id_.empty())
            signup_.load_draft(std::exchange(pending_draft_id_, {}));
        else if (!pending_screen_.empty())
            go_to(std::exchange(pending_screen_, {}));
    });
}

void App::set_language(Language language) {
    session_.language = language;
    for (Journey* journey : journeys_)
        journey->set_language(language); // the client's documents and messages follow the page
    api_.set_language(language);
    webapp::platform::set_page_language(wire::to_string(language));
}

void App::go_to(std::string_view screen) {
    for (const std::string_view customers : {"verify", "dashboard", "plan_change", "plan_changed", "invoices"})
        if (screen == customers) {
            customer_.return_to(screen);
            return;
        }
    customer_.leave();
    signup_.return_to(screen);
}

void App::follow_address() {
    if (phase_ != Phase::Ready)
        return; // a reload keeps its address until the screen it names can be shown
    std::string moved;
    const bool from_history = webapp::platform::take_history_move(moved);
    if (from_history) {
        go_to(screen_at(moved));
        shown_address_ = moved;
    }
    const ShownScreen shown = screen();
    if (shown.name == ShownScreen::loading || shown.name == ShownScreen::unreachable)
        return; // a draft loading: its screen decides
    const std::string address = address_of(front().address());
    if (address == shown_address_)
        return;
    // The first screen, or one that stands in for the entry moved to: no new entry.
    if (shown_address_.empty() || from_history)
        webapp::platform::replace_fragment(address);
    else
        webapp::platform::push_history_entry(address);
    shown_address_ = address;
}

// The catalog usually answers before the window is even ready; the offers are then the first
// frame. Past a second of waiting, the portal's own progress screen replaces the page's message.
bool App::first_frame_ready() const {
    return phase_ != Phase::Loading || std::chrono::steady_clock::now() - started_ > std::chrono::seconds(1);
}

const Journey& App::front() const {
    for (const Journey* journey : journeys_)
        if (!journey->screen().name.empty())
            return *journey;
    return *journeys_.back();
}

ShownScreen App::screen() const {
    switch (phase_) {
    case Phase::Loading: return ShownScreen{ShownScreen::loading, Text::LoadingOffers};
    case Phase::Unreachable: {
        const bool network = bootstrap_error_.network();
        return ShownScreen{ShownScreen::unreachable, network ? Text::ServerUnreachable : Text::ServerError,
                           network ? std::string{} : bootstrap_error_.detail};
    }
    case Phase::Ready: break;
    }
    return front().screen();
}

std::optional<std::string> App::shown_notice() const {
    if (phase_ == Phase::Unreachable) {
        const ShownScreen shown = screen();
        std::string words{text(shown.message, session_.language)};
        if (!shown.detail.empty())
            words += " " + shown.detail;
        return words;
    }
    if (const auto& notice = front().notice())
        return worded(*notice, session_.language);
    return std::nullopt;
}

ShownErrors App::shown_errors() const {
    return front().shown_errors();
}

// The app's own part (screen, language, the catalog), then each journey's.
nlohmann::json App::test_state() const {
    nlohmann::json state;
    state["screen"] = std::string{screen().name};
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
    state["busy"] = "";
    for (const Journey* journey : journeys_)
        if (const std::string_view busy = journey->busy_name(); !busy.empty()) {
            state["busy"] = std::string{busy};
            break;
        }
    nlohmann::json errors = nlohmann::json::object();
    for (auto& [field, error] : shown_errors())
        errors[field] = std::move(error);
    state["errors"] = std::move(errors);
    if (auto notice = shown_notice())
        state["notice"] = std::move(*notice);
    else
        state["notice"] = nullptr;
    state["form"] = nlohmann::json::object();
    for (const Journey* journey : journeys_)
        journey->describe(state);
    return state;
}

} // namespace isp::portal
