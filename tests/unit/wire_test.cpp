#include <doctest/doctest.h>

#include "shared/wire/contract_json.h"
#include "shared/wire/offer_json.h"
#include "shared/wire/signup_json.h"

using namespace isp;

TEST_CASE("offers round-trip through their wire format with money in minor units") {
    const Offer o{"ofr_x", ServiceFamily::Internet, "Fibre 100", "Wi-Fi 6", {34900, "MAD"}, 2000, 12, true};
    const nlohmann::json j = wire::to_json(o);
    CHECK(j["monthly_price"]["amount_minor"] == 34900);
    CHECK(j["monthly_price_with_tax"]["amount_minor"] == 41880);
    CHECK(j["family"] == "internet");
    const Offer back = wire::offer_from_json(j);
    CHECK(back.offer_id == o.offer_id);
    CHECK(back.family == o.family);
    CHECK(back.monthly_price == o.monthly_price);
    CHECK(back.commitment_months == 12);
}

TEST_CASE("a signup form with wrong types reports each field") {
    FieldErrors errors;
    const auto j = nlohmann::json::parse(R"({"cin": 123, "first_name": ["a"], "commitment_months": "12",
                                             "last_name": "Benali", "language": "en"})");
    const SignupForm f = wire::signup_form_from_json(j, errors);
    CHECK(f.last_name == "Benali");
    CHECK(f.language == Language::English);
    REQUIRE(errors.size() == 3);
    CHECK(errors[0].field == "cin");
    CHECK(errors[0].code == "invalid_type");
    CHECK(errors[1].field == "first_name");
    CHECK(errors[2].field == "commitment_months");
}

TEST_CASE("a signup form round-trips") {
    SignupForm f;
    f.cin = "AB123456";
    f.first_name = "Hélène";
    f.commitment_months = 24;
    f.language = Language::English;
    FieldErrors errors;
    CHECK(wire::signup_form_from_json(wire::to_json(f), errors) == f);
    CHECK(errors.empty());
}

TEST_CASE("contracts carry their subscriber and derived commitment end") {
    Contract k;
    k.contract_id = "ctr_1";
    k.contract_number = "CTR-2026-000001";
    k.client_id = "cli_1";
    k.offer_id = "ofr_1";
    k.service_identifier = "+212612345678";
    k.contract_start_date = {2026, 12, 1};
    k.commitment_months = 12;
    const nlohmann::json j = wire::to_json(k);
    CHECK(j["subscriber"]["service_identifier"] == "+212612345678");
    CHECK(j["commitment_end"] == "2027-11-30");
    const Contract back = wire::contract_from_json(j);
    CHECK(back.contract_start_date == k.contract_start_date);
    CHECK(back.service_identifier == k.service_identifier);
}
