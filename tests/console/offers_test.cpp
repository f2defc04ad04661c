// Offers at the console: the catalog by family, an offer created with its rules checked as
// typed, a delete the server refuses because contracts use the offer (its explanation shown,
// deactivating offered instead), and a viewer who gets no write commands.
#include <doctest/doctest.h>

#include "console/app/offers.h"
#include "console_fixture.h"
#include "shared/wire/offer_json.h"

namespace isp::console::test {
namespace {

Offer an_offer(std::string id, ServiceFamily family, std::string name, std::int64_t price_minor) {
    Offer o;
    o.offer_id = std::move(id);
    o.family = family;
    o.name = std::move(name);
    o.description = "";
    o.monthly_price = {price_minor, "MAD"};
    return o;
}

std::vector<Offer> catalog() {
    return {an_offer("off_fibre", ServiceFamily::Internet, "Fibre 100", 29900),
            an_offer("off_m20", ServiceFamily::Mobile, "Mobile 20 Go", 9900),
            an_offer("off_fixe", ServiceFamily::Landline, "Fixe illimit\u00e9", 4900)};
}

Offers& offers(ConsoleFixture& c) {
    return static_cast<Offers&>(*c.app().find("offers"));
}

void open_offers(ConsoleFixture& c, std::string_view roles) {
    c.open_signed_in(roles);
    c.settle();
    c.answer("GET", "/offer-categories", 200, wire::offer_categories_json(catalog()));
    c.app().go(Place{"offers", "", ""});
    c.settle();
}

} // namespace

TEST_CASE("the catalog is shown by family: mobile, internet, landline") {
    ConsoleFixture c;
    open_offers(c, "ops");
    CHECK(c.state()["offers"]["offers"] == nlohmann::json::array({"off_m20", "off_fibre", "off_fixe"}));
    CHECK(c.state()["offers"]["may_write"] == true);
}

TEST_CASE("creating an offer with an invalid price shows the error and sends nothing; a valid one is created") {
    ConsoleFixture c;
    open_offers(c, "ops");
    Offers& s = offers(c);
    s.start_create();
    s.form.family = "internet";
    s.form.name = "Fibre 500";
    s.form.monthly_price = "49,999"; // three decimals
    s.save();
    CHECK(c.http.sent_to("POST", "/offers").empty());
    CHECK_FALSE(s.error_of("monthly_price.amount_minor").empty());
    CHECK(c.state()["offers"]["form_open"] == true);
    s.form.monthly_price = "abc";
    s.save();
    CHECK(c.http.sent_to("POST", "/offers").empty());

    s.form.monthly_price = "499,00";
    s.form.commitment_months = "12";
    Offer created = an_offer("off_f500", ServiceFamily::Internet, "Fibre 500", 49900);
    created.commitment_months = 12;
    c.answer("POST", "/offers", 201, wire::to_json(created));
    s.save();
    c.settle();
    const auto sent = c.http.sent_to("POST", "/offers");
    REQUIRE(sent.size() == 1);
    const auto body = nlohmann::json::parse(sent[0].body);
    CHECK(body["monthly_price"] == nlohmann::json{{"amount_minor", 49900}, {"currency", "MAD"}});
    CHECK(body["family"] == "internet");
    CHECK(body["commitment_months"] == 12);
    CHECK(body["tax_rate_bp"] == 2000);
    CHECK_FALSE(header(sent[0], "Idempotency-Key").empty());
    CHECK(c.state()["offers"]["form_open"] == false);
    CHECK(s.find("off_f500"));
}

TEST_CASE("typed amounts: major units with at most two decimals, spaces grouping thousands") {
    CHECK(parse_amount_minor("299") == 29900);
    CHECK(parse_amount_minor("299.5") == 29950);
    CHECK(parse_amount_minor("1 299,00") == 129900);
    CHECK(parse_amount_minor("1\u202f299,00") == 129900);
    CHECK_FALSE(parse_amount_minor("-1"));
    CHECK_FALSE(parse_amount_minor("1.234"));
    CHECK_FALSE(parse_amount_minor(""));
    CHECK_FALSE(parse_amount_minor("99999999999"));
    CHECK(amount_text(29905) == "299.05");
}

TEST_CASE("editing an offer sends the whole offer with PUT") {
    ConsoleFixture c;
    open_offers(c, "admin");
    Offers& s = offers(c);
    s.start_edit("off_m20");
    CHECK(s.form.monthly_price == "99.00");
    s.form.name = "Mobile 25 Go";
    Offer changed = an_offer("off_m20", ServiceFamily::Mobile, "Mobile 25 Go", 9900);
    c.answer("PUT", "/offers/{offer_id}", 200, wire::to_json(changed));
    s.save();
    c.settle();
    const auto sent = c.http.sent_to("PUT", "/offers/{offer_id}");
    REQUIRE(sent.size() == 1);
    CHECK(nlohmann::json::parse(sent[0].body)["name"] == "Mobile 25 Go");
    CHECK(s.find("off_m20")->name == "Mobile 25 Go");
}

TEST_CASE("deleting an offer in use shows the server's explanation and offers deactivating instead") {
    ConsoleFixture c;
    open_offers(c, "ops");
    Offers& s = offers(c);
    s.ask_delete("off_fibre");
    CHECK(c.state()["offers"]["delete_dialog"] == true);
    const std::string why =
        "Contracts use or used this offer, so it cannot be deleted; set active to false to withdraw it from sale.";
    c.problem("DELETE", "/offers/{offer_id}", 409, "offer_delete_blocked", why);
    s.confirm_delete();
    c.settle();
    CHECK(s.delete_refusal() == why);
    CHECK(c.state()["offers"]["delete_dialog"] == true);
    CHECK(s.find("off_fibre")); // still there

    Offer inactive = an_offer("off_fibre", ServiceFamily::Internet, "Fibre 100", 29900);
    inactive.active = false;
    c.answer("PUT", "/offers/{offer_id}", 200, wire::to_json(inactive));
    s.deactivate_instead();
    c.settle();
    const auto sent = c.http.sent_to("PUT", "/offers/{offer_id}");
    REQUIRE(sent.size() == 1);
    CHECK(nlohmann::json::parse(sent[0].body)["active"] == false);
    CHECK(c.state()["offers"]["delete_dialog"] == false);
    CHECK(c.state()["offers"]["inactive"] == nlohmann::json::array({"off_fibre"}));
}

TEST_CASE("an unused offer is deleted") {
    ConsoleFixture c;
    open_offers(c, "ops");
    c.answer("DELETE", "/offers/{offer_id}", 204, nullptr);
    offers(c).ask_delete("off_fixe");
    offers(c).confirm_delete();
    c.settle();
    CHECK_FALSE(offers(c).find("off_fixe"));
    CHECK(c.state()["offers"]["delete_dialog"] == false);
}

TEST_CASE("a viewer sees the catalog and gets no write commands") {
    ConsoleFixture c;
    open_offers(c, "viewer");
    CHECK(c.state()["offers"]["may_write"] == false);
    Offers& s = offers(c);
    s.start_create();
    CHECK_FALSE(s.form_open);
    s.start_edit("off_m20");
    CHECK_FALSE(s.form_open);
    s.ask_delete("off_m20");
    CHECK_FALSE(s.delete_dialog_open);
    s.set_active("off_m20", false);
    CHECK(c.http.sent_to("PUT", "/offers/{offer_id}").empty());
    CHECK(c.http.sent_to("DELETE", "/offers/{offer_id}").empty());
}

} // namespace isp::console::test
