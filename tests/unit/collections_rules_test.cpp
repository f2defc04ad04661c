// Payment and collection rules of shared/collections: settlement, refusals, case
// transitions and ageing brackets.
#include <doctest/doctest.h>

#include "shared/collections/collection_case.h"
#include "shared/collections/payment.h"

using namespace isp;

TEST_CASE("a payment settles its invoice partly or fully, never beyond") {
    CHECK_FALSE(check_payment(12000, 0, 5000));
    CHECK_FALSE(check_payment(12000, 5000, 7000));
    CHECK(check_payment(12000, 5000, 7001) == PaymentRefusal::ExceedsOutstanding);
    CHECK(check_payment(12000, 12000, 1) == PaymentRefusal::InvoiceAlreadyPaid);
    CHECK(check_payment(12000, 0, 0) == PaymentRefusal::NotPositive);

    auto e = apply_payment(12000, 0, 5000);
    CHECK(e.paid_minor == 5000);
    CHECK(e.outstanding_minor == 7000);
    CHECK(e.settlement == InvoiceSettlement::PartiallyPaid);
    CHECK(e.allocation == Allocation::Partial);
    e = apply_payment(12000, 5000, 7000);
    CHECK(e.outstanding_minor == 0);
    CHECK(e.settlement == InvoiceSettlement::Paid);
    CHECK(e.allocation == Allocation::Full);

    CHECK(settlement_of(100, 0) == InvoiceSettlement::Open);
    CHECK(to_string(InvoiceSettlement::PartiallyPaid) == "partially_paid");
    CHECK(to_string(Allocation::Full) == "full");
}

TEST_CASE("payment methods have one wire name each") {
    for (PaymentMethod m : all_payment_methods)
        CHECK(parse_payment_method(to_string(m)) == m);
    CHECK(parse_payment_method("bank_transfer") == PaymentMethod::BankTransfer);
    CHECK_FALSE(parse_payment_method("Cash"));
    CHECK_FALSE(parse_payment_method(""));
}

TEST_CASE("case transitions: anything while recoverable, nothing once paid") {
    using S = CaseStatus;
    CHECK_FALSE(check_case_transition(S::Open, false, S::InProgress, 100));
    CHECK_FALSE(check_case_transition(S::PromiseToPay, false, S::Open, 100));
    CHECK_FALSE(check_case_transition(S::InProgress, false, S::Closed, 100));
    CHECK_FALSE(check_case_transition(S::Closed, false, S::Open, 100)); // closed by staff, still owed
    CHECK(check_case_transition(S::Closed, true, S::Open, 0) == CaseTransitionRefusal::ClosedByPayment);
    CHECK(check_case_transition(S::Closed, false, S::InProgress, 0) == CaseTransitionRefusal::InvoiceSettled);
    CHECK_FALSE(check_case_transition(S::Closed, true, S::Closed, 0)); // the same status: no change
    for (CaseStatus s : all_case_statuses)
        CHECK(parse_case_status(to_string(s)) == s);
    for (CollectionActionKind k : all_collection_action_kinds)
        CHECK(parse_collection_action_kind(to_string(k)) == k);
    CHECK_FALSE(parse_collection_action_kind("fax"));
}

TEST_CASE("overdue debt is bracketed 1-30, 31-60, 61-90, over 90 days") {
    CHECK_FALSE(ageing_bucket_of(0));
    CHECK_FALSE(ageing_bucket_of(-5));
    CHECK(ageing_bucket_of(1) == 0u);
    CHECK(ageing_bucket_of(30) == 0u);
    CHECK(ageing_bucket_of(31) == 1u);
    CHECK(ageing_bucket_of(60) == 1u);
    CHECK(ageing_bucket_of(61) == 2u);
    CHECK(ageing_bucket_of(90) == 2u);
    CHECK(ageing_bucket_of(91) == 3u);
    CHECK(ageing_bucket_of(5000) == 3u);
}
