// The dunning rules of shared/collections/dunning_policy: which step a case gets on which
// day, what is skipped when several are due at once, and which policies are refused.
#include <doctest/doctest.h>

#include "shared/collections/dunning_policy.h"

using namespace isp;

namespace {
std::vector<std::string> names(const std::vector<DunningStep>& steps) {
    std::vector<std::string> out;
    for (const auto& s : steps)
        out.push_back(s.name());
    return out;
}
} // namespace

TEST_CASE("the default policy reminds on days 3, 5 and 7 and suspends on day 15") {
    const DunningPolicy p;
    CHECK_FALSE(check_dunning_policy(p));
    CHECK(names(dunning_steps(p)) == std::vector<std::string>{"reminder_1", "reminder_2", "reminder_3", "suspension"});

    CHECK_FALSE(plan_dunning(p, 2, {}).carry_out);
    auto plan = plan_dunning(p, 3, {});
    REQUIRE(plan.carry_out);
    CHECK(plan.carry_out->name() == "reminder_1");
    CHECK(plan.skip.empty());
    // Done once: nothing more on day 4.
    CHECK_FALSE(plan_dunning(p, 4, {"reminder_1"}).carry_out);
    CHECK(plan_dunning(p, 5, {"reminder_1"}).carry_out->name() == "reminder_2");
    CHECK(plan_dunning(p, 7, {"reminder_1", "reminder_2"}).carry_out->name() == "reminder_3");
    CHECK_FALSE(plan_dunning(p, 14, {"reminder_1", "reminder_2", "reminder_3"}).carry_out);
    plan = plan_dunning(p, 15, {"reminder_1", "reminder_2", "reminder_3"});
    REQUIRE(plan.carry_out);
    CHECK(plan.carry_out->kind == DunningStepKind::Suspension);
    CHECK(plan.carry_out->day == 15);
    CHECK_FALSE(plan_dunning(p, 40, {"reminder_1", "reminder_2", "reminder_3", "suspension"}).carry_out);
}

TEST_CASE("steps due together: the last is carried out, the earlier ones skipped") {
    const DunningPolicy p;
    // The server was stopped from day 2 to day 6: one reminder (the second), not two.
    auto plan = plan_dunning(p, 6, {});
    REQUIRE(plan.carry_out);
    CHECK(plan.carry_out->name() == "reminder_2");
    CHECK(names(plan.skip) == std::vector<std::string>{"reminder_1"});
    // Stopped past day 15: suspended, with no reminder sent after the fact.
    plan = plan_dunning(p, 20, {"reminder_1"});
    REQUIRE(plan.carry_out);
    CHECK(plan.carry_out->name() == "suspension");
    CHECK(names(plan.skip) == std::vector<std::string>{"reminder_2", "reminder_3"});
    // A reminder added to the policy after the suspension is skipped, never sent.
    DunningPolicy later = p;
    later.reminder_days = {3, 5, 7, 10};
    plan = plan_dunning(later, 30, {"reminder_1", "reminder_2", "reminder_3", "suspension"});
    CHECK_FALSE(plan.carry_out);
    CHECK(names(plan.skip) == std::vector<std::string>{"reminder_4"});
}

TEST_CASE("grace days keep a case quiet; a policy with no suspension only reminds") {
    DunningPolicy p;
    p.grace_days = 5;
    p.reminder_days = {6, 10};
    p.suspension_day = 20;
    CHECK_FALSE(check_dunning_policy(p));
    CHECK_FALSE(plan_dunning(p, 5, {}).carry_out);
    CHECK(plan_dunning(p, 6, {}).carry_out->name() == "reminder_1");

    p = DunningPolicy{};
    p.suspension_day.reset();
    CHECK(names(dunning_steps(p)) == std::vector<std::string>{"reminder_1", "reminder_2", "reminder_3"});
    CHECK_FALSE(plan_dunning(p, 90, {"reminder_1", "reminder_2", "reminder_3"}).carry_out);
}

TEST_CASE("a policy whose days do not follow each other is refused, and says why") {
    DunningPolicy p;
    p.reminder_days = {3, 3, 7};
    REQUIRE(check_dunning_policy(p));
    CHECK(check_dunning_policy(p)->find("must increase") != std::string::npos);
    p.reminder_days = {3, 5, 7};
    p.grace_days = 3;
    REQUIRE(check_dunning_policy(p));
    CHECK(check_dunning_policy(p)->find("after dunning-grace-days (3)") != std::string::npos);
    p.grace_days = 0;
    p.suspension_day = 7;
    REQUIRE(check_dunning_policy(p));
    CHECK(check_dunning_policy(p)->find("after the last of dunning-reminder-days (7)") != std::string::npos);
}

TEST_CASE("reminder days are written as a comma-separated list") {
    CHECK(parse_reminder_days("3,5,7") == std::vector<int>{3, 5, 7});
    CHECK(parse_reminder_days("") == std::vector<int>{});
    CHECK(parse_reminder_days("10") == std::vector<int>{10});
    CHECK_FALSE(parse_reminder_days("3,,7"));
    CHECK_FALSE(parse_reminder_days("3, 5"));
    CHECK_FALSE(parse_reminder_days("0"));
    CHECK_FALSE(parse_reminder_days("366"));
    CHECK_FALSE(parse_reminder_days("x"));
    CHECK(reminder_days_text({3, 5, 7}) == "3,5,7");
}
