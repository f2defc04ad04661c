#include "console/app/console_app.h"

#include <algorithm>

#include "console/app/account.h"
#include "console/app/billing.h"
#include "console/app/collections.h"
#include "console/app/contracts.h"
#include "console/app/customers.h"
#include "console/app/offers.h"
#include "console/app/payments.h"
#include "console/app/staff_accounts.h"
#include "console/app/today.h"
#include "console/i18n/console_text.h"
#include "webapp/platform/browser.h"

namespace isp::console {
namespace {

constexpr std::string_view set_password_prefix = "set-password=";

Language initial_language() {
    const std::string stored = webapp::platform::stored_preference("language");
    if (stored == "en")
        return Language::English;
    if (stored == "fr")
        return Language::French;
    const std::string browser = webapp::platform::browser_languages();
    return browser.starts_with("en") ? Language::English : Language::French;
}

} // namespace

ConsoleApp::ConsoleApp()
    : ctx_{api_, Language::French, {}, {}, {}}, sign_in_(api_, [this](StaffSession s) { signed_in(std::move(s)); }) {
    ctx_.go = [this](Place p) { go(std::move(p)); };
    sections_.push_back(std::make_unique<Today>(ctx_));
    sections_.push_back(std::make_unique<Customers>(ctx_));
    sections_.push_back(std::make_unique<Contracts>(ctx_));
    sections_.push_back(std::make_unique<Offers>(ctx_));
    sections_.push_back(std::make_unique<Billing>(ctx_));
    sections_.push_back(std::make_unique<Payments>(ctx_));
    sections_.push_back(std::make_unique<Collections>(ctx_));
    sections_.push_back(std::make_unique<StaffAccounts>(ctx_));
    sections_.push_back(std::make_unique<Account>(ctx_));
    api_.on_session_ended([this] { session_ended(); });
}

ConsoleApp::~ConsoleApp() = default;

void ConsoleApp::start() {
    set_language(initial_language());
    const std::string fragment = webapp::platform::page_fragment();
    if (fragment.starts_with(set_password_prefix)) {
        // The token is read once and taken out of the address: not in the history, not shared.
        sign_in_.start_set_password(fragment.substr(set_password_prefix.size()));
        webapp::platform::replace_fragment("");
        phase_ = Phase::SignedOut;
        return;
    }
    retry_start();
}

void ConsoleApp::retry_start() {
    phase_ = Phase::Starting;
    api_.me([this](ApiResult<StaffSession> result) {
        if (result.value)
            return signed_in(std::move(*result.value));
        if (result.error.network() || result.error.status >= 500) {
            phase_ = Phase::Unreachable;
            return;
        }
        phase_ = Phase::SignedOut; // 401: no session (or only an API token, which the console does not use)
        sign_in_.reset();
    });
}

void ConsoleApp::signed_in(StaffSession session) {
    api_.set_csrf_token(session.csrf_token);
    ctx_.second_factor_enrolment_required = session.second_factor_enrolment_required;
    if (webapp::platform::stored_preference("language").empty())
        set_language(session.account.language);
    ctx_.account = std::move(session.account);
    phase_ = Phase::SignedIn;
    history_.clear();
    // Nothing else answers until a required second factor is enrolled: straight to "My account".
    Place target =
        ctx_.second_factor_enrolment_required ? Place{"account", {}, {}} : resume_.value_or(Place{"today", {}, {}});
    resume_.reset();
    const Section* section = find(target.section);
    if (!section || !ctx_.may(section->needed_role()))
        target = Place{"today", {}, {}};
    place_ = {};
    go(std::move(target));
    history_.clear();
}

void ConsoleApp::session_ended() {
    if (phase_ != Phase::SignedIn)
        return;
    leave_current();
    resume_ = place_;
    ctx_.account.reset();
    api_.set_csrf_token({});
    phase_ = Phase::SignedOut;
    sign_in_.reset(Notice{std::string{text(Text::SessionEnded, ctx_.language)}, Notice::Kind::Info, {}});
}

void ConsoleApp::sign_out() {
    leave_current();
    api_.sign_out([](ApiResult<Done>) {}); // the cookie is cleared by the answer; nothing to wait for
    ctx_.account.reset();
    api_.set_csrf_token({});
    resume_.reset();
    history_.clear();
    place_ = {};
    phase_ = Phase::SignedOut;
    sign_in_.reset();
}

std::vector<Section*> ConsoleApp::visible_sections() const {
    std::vector<Section*> out;
    for (const auto& s : sections_)
        if (s->in_navigation() && ctx_.may(s->needed_role()))
            out.push_back(s.get());
    return out;
}

Section* ConsoleApp::find(std::string_view name) const {
    for (const auto& s : sections_)
        if (s->name() == name)
            return s.get();
    return nullptr;
}

Section* ConsoleApp::current() const {
    return phase_ == Phase::SignedIn ? find(place_.section) : nullptr;
}

void ConsoleApp::go(Place place) {
    Section* section = find(place.section);
    if (!section || !ctx_.may(section->needed_role()))
        return;
    if (!place_.section.empty() && !(place_ == place))
        history_.push_back(place_);
    if (place.section != place_.section)
        leave_current();
    place_ = std::move(place);
    section->dismiss_notice();
    section->open(place_);
}

void ConsoleApp::leave_current() {
    if (phase_ != Phase::SignedIn)
        return;
    if (Section* section = find(place_.section))
        section->leave();
}

void ConsoleApp::back() {
    if (history_.empty())
        return;
    if (history_.back().section != place_.section)
        leave_current();
    place_ = std::move(history_.back());
    history_.pop_back();
    if (Section* section = find(place_.section)) {
        section->dismiss_notice();
        section->open(place_);
    }
}

void ConsoleApp::set_language(Language language) {
    ctx_.language = language;
    api_.set_language(language);
    sign_in_.set_language(language);
    webapp::platform::set_page_language(language == Language::French ? "fr" : "en");
}

nlohmann::json ConsoleApp::test_state() const {
    static constexpr const char* phases[] = {"starting", "unreachable", "signed_out", "signed_in"};
    nlohmann::json state = {{"app", "console"},
                            {"phase", phases[static_cast<int>(phase_)]},
                            {"language", ctx_.language == Language::French ? "fr" : "en"},
                            {"place", {{"section", place_.section}, {"id", place_.id}, {"filter", place_.filter}}}};
    if (ctx_.account)
        state["account"] = {{"email", ctx_.account->email}, {"roles", join_staff_roles(ctx_.account->roles)}};
    state["second_factor_enrolment_required"] = ctx_.second_factor_enrolment_required;
    if (phase_ != Phase::SignedIn) {
        sign_in_.describe(state);
        state["busy"] = std::string{sign_in_.busy()};
        state["notice"] = sign_in_.notice() ? sign_in_.notice()->text : "";
        return state;
    }
    nlohmann::json sections = nlohmann::json::array();
    for (const Section* s : visible_sections())
        sections.push_back(std::string{s->name()});
    state["sections"] = std::move(sections);
    if (const Section* s = current()) {
        state["busy"] = std::string{s->busy()};
        state["notice"] = s->notice() ? s->notice()->text : "";
        s->describe(state);
    }
    return state;
}

} // namespace isp::console
