#include "portal_fixture.h"

#include <exception>

#include <doctest/doctest.h>

namespace isp::portal::test {

PortalFixture::PortalFixture() : http(fake_http()), browser(fake_browser()) {
    http.reset();
    browser.reset();
    app_ = std::make_unique<App>();
}

PortalFixture::~PortalFixture() {
    if (std::uncaught_exceptions() == 0) // a test that stopped early left its script behind
        for (const std::string& answer : http.unused())
            FAIL_CHECK("scripted answer never asked for: " << answer);
    app_.reset();
    http.reset(); // callbacks waiting still point into the app
}

void PortalFixture::open(std::string_view query) {
    browser.query = query;
    script(http, canned::bootstrap);
    app_->start();
    REQUIRE(screen() == "loading");
    REQUIRE(http.deliver() == 1);
}

void PortalFixture::reload() {
    app_.reset();
    http.reset();
    app_ = std::make_unique<App>();
    script(http, canned::bootstrap);
    app_->start();
    REQUIRE(screen() == "loading");
    REQUIRE(http.deliver() == 1);
}

std::string PortalFixture::screen() const {
    return std::string{app_->screen().name};
}

std::string PortalFixture::notice() const {
    return app_->shown_notice().value_or("");
}

std::string PortalFixture::error(std::string_view field) const {
    for (const auto& [name, message] : app_->shown_errors())
        if (name == field)
            return message;
    return {};
}

std::string PortalFixture::typed(std::string_view field) const {
    const nlohmann::json form = state().at("form");
    const auto it = form.find(field);
    return it != form.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

std::string PortalFixture::busy() const {
    return state().at("busy").get<std::string>();
}

void PortalFixture::type(std::string_view field, std::string value) {
    CustomerJourney& c = customer();
    std::string* target = field == "verify_cin"         ? &c.cin()
                          : field == "verify_line"      ? &c.line()
                          : field == "effective_date"   ? &c.effective_date()
                          : field == "termination_date" ? &c.termination_date()
                                                        : nullptr;
    if (target) {
        *target = std::move(value);
        c.field_edited(field);
        c.field_left(field);
        return;
    }
    target = SignupJourney::text_field(signup().form(), field);
    REQUIRE_MESSAGE(target, "no text field named " << field);
    *target = std::move(value);
    signup().field_edited(field);
    signup().field_left(field);
}

void PortalFixture::verify_as_amina() {
    customer().start();
    REQUIRE(screen() == "verify");
    type("verify_cin", "AB123456");
    type("verify_line", "06 12 34 56 78");
    script(http, canned::verified);
    script(http, canned::subscriptions);
    customer().verify();
    http.settle();
    REQUIRE(screen() == "dashboard");
}

void PortalFixture::choose_plan_change(std::string_view date) {
    customer().open_plan_change("ctr_demo_amina");
    REQUIRE(screen() == "plan_change");
    customer().choose_target("ofr_mobile_illimite");
    type("effective_date", std::string{date});
}

void PortalFixture::fill_signup() {
    signup().choose_offer("ofr_mobile_essentiel");
    REQUIRE(screen() == "signup");
    type("cin", "XY987654");
    type("first_name", "Karim");
    type("last_name", "Alaoui");
    type("phone", "06 61 23 45 67");
    type("email", "karim@example.ma");
    type("address", "12 rue des Fleurs, Rabat");
    type("service_identifier", "06 61 23 45 67");
    type("contract_start_date", "2026-11-30");
    REQUIRE(app_->shown_errors().empty());
}

std::string plain(std::string text) {
    for (const std::string_view space : {"\u00a0", "\u202f"})
        for (std::size_t at = text.find(space); at != std::string::npos; at = text.find(space, at))
            text.replace(at, space.size(), " ");
    return text;
}

nlohmann::json body_of(const webapp::platform::HttpRequest& request) {
    return nlohmann::json::parse(request.body);
}

nlohmann::json json_of(const Canned& answer) {
    return nlohmann::json::parse(answer.body());
}

} // namespace isp::portal::test
