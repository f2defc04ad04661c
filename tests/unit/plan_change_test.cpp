#include <doctest/doctest.h>

#include "shared/billing/plan_change.h"
#include "shared/domain/service_identifier.h"

using namespace isp;

namespace {

Offer offer(const char* id, ServiceFamily family, std::int64_t price, bool active = true) {
    return Offer{id, family, id, "", {price, "MAD"}, 2000, 0, active};
}

Contract contract_on(const Offer& o) {
    Contract k;
    k.contract_id = "ctr_x";
    k.offer_id = o.offer_id;
    k.contract_start_date = {2026, 8, 23};
    k.commitment_months = 12;
    return k;
}

const Date today{2026, 11, 23};

std::string first_code(const FieldErrors& errors) {
    return errors.empty() ? "" : errors.front().code;
}

} // namespace

TEST_CASE("the target offer decides the direction and the monthly difference") {
    const Offer confort = offer("confort", ServiceFamily::Mobile, 9900);
    const Offer illimite = offer("illimite", ServiceFamily::Mobile, 19900);
    const Offer essentiel = offer("essentiel", ServiceFamily::Mobile, 4900);
    CHECK(plan_change_direction(confort, illimite) == PlanDirection::Upgrade);
    CHECK(plan_change_direction(confort, essentiel) == PlanDirection::Downgrade);
    CHECK(plan_change_direction(confort, offer("same_price", ServiceFamily::Mobile, 9900)) == PlanDirection::Downgrade);
    CHECK(monthly_difference(confort, illimite) == Money{10000, "MAD"});
    CHECK(monthly_difference(confort, essentiel) == Money{-5000, "MAD"});
    CHECK(to_string(PlanDirection::Upgrade) == "upgrade");
    CHECK(is_eligible_target(confort, illimite));
    CHECK_FALSE(is_eligible_target(confort, confort));
    CHECK_FALSE(is_eligible_target(confort, offer("fibre", ServiceFamily::Internet, 34900)));
    CHECK_FALSE(is_eligible_target(confort, offer("old", ServiceFamily::Mobile, 5900, false)));
}

TEST_CASE("check_plan_change refuses what the server refuses") {
    const Offer confort = offer("confort", ServiceFamily::Mobile, 9900);
    const Offer illimite = offer("illimite", ServiceFamily::Mobile, 19900);
    const Offer fibre = offer("fibre", ServiceFamily::Internet, 34900);
    const Offer old = offer("old", ServiceFamily::Mobile, 5900, false);
    const Contract k = contract_on(confort);
    const Language fr = Language::French;

    CHECK(check_plan_change(k, confort, &illimite, "2026-11-23", today, fr).empty());
    CHECK(check_plan_change(k, confort, &illimite, "2027-02-21", today, fr).empty()); // day 90
    CHECK(first_code(check_plan_change(k, confort, &illimite, "2027-02-22", today, fr)) == "start_date_too_far");
    CHECK(first_code(check_plan_change(k, confort, &illimite, "2026-11-22", today, fr)) == "start_date_in_past");
    CHECK(first_code(check_plan_change(k, confort, &illimite, "2026-02-30", today, fr)) == "invalid_date");
    CHECK(first_code(check_plan_change(k, confort, &illimite, " ", today, fr)) == "required");
    CHECK(first_code(check_plan_change(k, confort, &confort, "2026-12-01", today, fr)) == "same_offer");
    CHECK(first_code(check_plan_change(k, confort, &fibre, "2026-12-01", today, fr)) == "different_family");
    CHECK(first_code(check_plan_change(k, confort, &old, "2026-12-01", today, fr)) == "offer_inactive");
    CHECK(first_code(check_plan_change(k, confort, nullptr, "2026-12-01", today, fr)) == "unknown_offer");

    Contract suspended = k;
    suspended.status = ContractStatus::Suspended;
    const FieldErrors errors = check_plan_change(suspended, confort, &illimite, "2026-12-01", today, Language::English);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].field == "contract_id");
    CHECK(errors[0].code == "contract_not_active");
    CHECK(errors[0].message == "This contract is not active: its offer cannot be changed.");

    Contract not_started = k;
    not_started.contract_start_date = {2026, 12, 10};
    CHECK(first_code(check_plan_change(not_started, confort, &illimite, "2026-12-01", today, fr)) ==
          "effective_before_start");
    CHECK(check_plan_change(not_started, confort, &illimite, "2026-12-10", today, fr).empty());
}

TEST_CASE("a service identifier without its family: a number first, then a line reference") {
    CHECK(normalize_any_service_identifier("06 12 34 56 78") == "+212612345678");
    CHECK(normalize_any_service_identifier("+212 522-445566") == "+212522445566");
    CHECK(normalize_any_service_identifier(" ftth-a00001 ") == "FTTH-A00001");
    CHECK_FALSE(normalize_any_service_identifier("abc"));
    CHECK_FALSE(normalize_any_service_identifier("hello world"));
    std::string code;
    CHECK_FALSE(normalize_service_identifier(ServiceFamily::Mobile, "0522445566", code));
    CHECK(code == "invalid_mobile_number");
    CHECK(normalize_service_identifier(ServiceFamily::Internet, "ftth-a00001", code) == "FTTH-A00001");
}
