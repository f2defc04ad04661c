// The proof an existing client types (CIN + a line), checked by the portal as they type
// and by the server before anything is looked up: the same rule, so both say the same.
#include <doctest/doctest.h>

#include "shared/signup/proof_of_identity.h"

using namespace isp;

TEST_CASE("a proof is normalised the way the lookup expects it") {
    const CheckedProof p = check_proof_of_identity(" ab-123456 ", "06 12 34 56 78", Language::French);
    CHECK(p.errors.empty());
    CHECK(p.cin == "AB123456");
    CHECK(p.service_identifier == "+212612345678");
}

TEST_CASE("blank is missing, not malformed, on both sides") {
    const CheckedProof p = check_proof_of_identity("   ", "\t", Language::English);
    REQUIRE(p.errors.size() == 2);
    CHECK(p.errors[0].field == "cin");
    CHECK(p.errors[0].code == "required");
    CHECK(p.errors[1].field == "service_identifier");
    CHECK(p.errors[1].code == "required");
    CHECK_FALSE(p.cin);
}

TEST_CASE("malformed values are named, in the asked language") {
    const CheckedProof fr = check_proof_of_identity("12", "abc", Language::French);
    REQUIRE(fr.errors.size() == 2);
    CHECK(fr.errors[0].code == "invalid_cin");
    CHECK(fr.errors[1].code == "invalid_service_identifier");
    const CheckedProof en = check_proof_of_identity("12", "abc", Language::English);
    CHECK(en.errors[0].message != fr.errors[0].message);
}
