#include <doctest/doctest.h>

#include <algorithm>

#include "shared/signup/signup_form.h"

using namespace isp;

namespace {

Offer mobile_offer() {
    return Offer{"ofr_m", ServiceFamily::Mobile, "Mobile Confort", "", {9900, "MAD"}, 2000, 12, true};
}

SignupForm good_form() {
    SignupForm f;
    f.offer_id = "ofr_m";
    f.cin = "ab 123456";
    f.first_name = " Élodie ";
    f.last_name = "Çakır";
    f.phone = "06 12 34 56 78";
    f.email = "Elodie@Example.MA";
    f.address = "24, rue Ibn Battouta, Rabat";
    f.service_identifier = "0712345678";
    f.contract_start_date = "2026-12-01";
    f.commitment_months = 12;
    return f;
}

const Date today{2026, 11, 23};

bool has(const FieldErrors& errors, const std::string& field, const std::string& code) {
    return std::any_of(errors.begin(), errors.end(),
                       [&](const FieldError& e) { return e.field == field && e.code == code; });
}

} // namespace

TEST_CASE("a complete form passes and comes out normalised") {
    const Offer offer = mobile_offer();
    const SignupCheck check = check_signup(good_form(), &offer, today);
    REQUIRE(check.errors.empty());
    REQUIRE(check.valid);
    CHECK(check.valid->cin == "AB123456");
    CHECK(check.valid->first_name == "Élodie");
    CHECK(check.valid->phone == "+212612345678");
    CHECK(check.valid->email == "Elodie@example.ma");
    CHECK(check.valid->service_identifier == "+212712345678");
    CHECK(check.valid->contract_start_date == Date{2026, 12, 1});
}

TEST_CASE("every missing field is named") {
    SignupForm empty;
    empty.commitment_months = 0;
    const SignupCheck check = check_signup(empty, nullptr, today);
    CHECK_FALSE(check.valid);
    for (const char* field : {"offer_id", "cin", "first_name", "last_name", "phone", "email", "address",
                              "service_identifier", "contract_start_date"})
        CHECK_MESSAGE(has(check.errors, field, "required"), field);
}

TEST_CASE("each rule reports its own code on its own field") {
    const Offer offer = mobile_offer();
    SignupForm f = good_form();
    f.cin = "123";
    f.email = "nope";
    f.service_identifier = "0522445566"; // a landline number for a mobile offer
    f.contract_start_date = "2026-11-22";
    f.commitment_months = 0; // the offer requires 12
    const SignupCheck check = check_signup(f, &offer, today);
    CHECK(has(check.errors, "cin", "invalid_cin"));
    CHECK(has(check.errors, "email", "invalid_email"));
    CHECK(has(check.errors, "service_identifier", "invalid_mobile_number"));
    CHECK(has(check.errors, "contract_start_date", "start_date_in_past"));
    CHECK(has(check.errors, "commitment_months", "invalid_commitment"));
    CHECK(check.errors.size() == 5);
}

TEST_CASE("the start date may be today and up to 90 days ahead") {
    const Offer offer = mobile_offer();
    SignupForm f = good_form();
    f.contract_start_date = "2026-11-23";
    CHECK(check_signup(f, &offer, today).valid);
    f.contract_start_date = today.plus_days(90).to_iso();
    CHECK(check_signup(f, &offer, today).valid);
    f.contract_start_date = today.plus_days(91).to_iso();
    CHECK(has(check_signup(f, &offer, today).errors, "contract_start_date", "start_date_too_far"));
    f.contract_start_date = "2026-02-30";
    CHECK(has(check_signup(f, &offer, today).errors, "contract_start_date", "invalid_date"));
}

TEST_CASE("an unknown or withdrawn offer is refused") {
    CHECK(has(check_signup(good_form(), nullptr, today).errors, "offer_id", "unknown_offer"));
    Offer withdrawn = mobile_offer();
    withdrawn.active = false;
    CHECK(has(check_signup(good_form(), &withdrawn, today).errors, "offer_id", "offer_inactive"));
}

TEST_CASE("internet lines take a fixed number or a line reference") {
    Offer fibre{"ofr_f", ServiceFamily::Internet, "Fibre", "", {34900, "MAD"}, 2000, 12, true};
    SignupForm f = good_form();
    f.offer_id = "ofr_f";
    f.service_identifier = "ftth-0042a9";
    CHECK(check_signup(f, &fibre, today).valid->service_identifier == "FTTH-0042A9");
    f.service_identifier = "0522445566";
    CHECK(check_signup(f, &fibre, today).valid->service_identifier == "+212522445566");
    f.service_identifier = "ab";
    CHECK(has(check_signup(f, &fibre, today).errors, "service_identifier", "invalid_line_reference"));
}

TEST_CASE("messages follow the form's language") {
    SignupForm f = good_form();
    f.cin = "1";
    const Offer offer = mobile_offer();
    f.language = Language::English;
    CHECK(check_signup(f, &offer, today).errors.at(0).message.find("Invalid CIN") == 0);
    f.language = Language::French;
    CHECK(check_signup(f, &offer, today).errors.at(0).message.find("CIN invalide") == 0);
}

TEST_CASE("drafts may be incomplete but not oversized or broken") {
    SignupForm f;
    f.first_name = "Élodie";
    CHECK(check_signup_draft(f).empty());
    f.address = std::string(201, 'a');
    f.last_name = "a\nb";
    const FieldErrors errors = check_signup_draft(f);
    CHECK(has(errors, "address", "too_long"));
    CHECK(has(errors, "last_name", "invalid_text"));
}

TEST_CASE("a known client adding a line gives only the subscription: identity fields are not checked") {
    const Offer offer = mobile_offer();
    SignupForm line = good_form();
    line.cin = "not a CIN";
    line.first_name.clear();
    line.email = "broken@";
    const SignupCheck check = check_signup(line, &offer, today, Applicant::KnownClient);
    CHECK(check.errors.empty());
    REQUIRE(check.valid);
    CHECK(check.valid->cin.empty()); // the client record's, filled in by the server
    CHECK(check.valid->service_identifier == "+212712345678");

    // The same form from a new client is refused on each of them.
    const SignupCheck as_new = check_signup(line, &offer, today);
    CHECK(has(as_new.errors, "cin", "invalid_cin"));
    CHECK(has(as_new.errors, "first_name", "required"));
    CHECK(has(as_new.errors, "email", "invalid_email"));

    // The subscription's own rules still hold.
    line.service_identifier = "05";
    line.contract_start_date = "2026-11-01";
    line.commitment_months = 0; // under the offer's 12
    const SignupCheck wrong = check_signup(line, &offer, today, Applicant::KnownClient);
    CHECK_FALSE(wrong.valid);
    CHECK(wrong.errors.size() == 3);
    CHECK(has(wrong.errors, "contract_start_date", "start_date_in_past"));
    CHECK(has(wrong.errors, "commitment_months", "invalid_commitment"));
}
