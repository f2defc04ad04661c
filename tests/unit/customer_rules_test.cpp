// Staff customer and contract rules of shared/ (issue #4): the client form, the search
// query's normalisation, and which contract status moves are allowed.
#include <doctest/doctest.h>

#include "shared/domain/client_search.h"
#include "shared/domain/contract_lifecycle.h"
#include "shared/signup/client_form.h"

using namespace isp;

TEST_CASE("client form: stored forms on success, every wrong field otherwise") {
    ClientForm f{"ab-123 456", " Amina ", "El Idrissi", "06 12 34 56 78", "Amina@Example.MA", " Rabat ", "en"};
    const auto ok = check_client_form(f);
    REQUIRE(ok.valid);
    CHECK(ok.valid->cin == "AB123456");
    CHECK(ok.valid->first_name == "Amina");
    CHECK(ok.valid->phone == "+212612345678");
    CHECK(ok.valid->email == "Amina@example.ma");
    CHECK(ok.valid->address == "Rabat");
    CHECK(ok.valid->language == Language::English);

    const auto bad = check_client_form({"1", "", "x", "123", "no", "", "de"});
    CHECK_FALSE(bad.valid);
    std::vector<std::string> fields;
    for (const auto& e : bad.errors)
        fields.push_back(e.field);
    CHECK(fields == std::vector<std::string>{"cin", "first_name", "phone", "email", "address", "language"});
}

TEST_CASE("client search terms: CIN and phone fragments normalised as stored") {
    auto t = client_search_terms(" ab 123456 ");
    CHECK(t.text == "ab 123456");
    CHECK(t.cin_fragment == "AB123456");
    CHECK(t.phone_fragment.empty()); // letters: not a phone number

    t = client_search_terms("06 12 34 56 78");
    CHECK(t.phone_fragment == "612345678");
    CHECK(t.phone_from_start);
    CHECK(client_search_terms("+212 612-345678").phone_fragment == "612345678");
    CHECK(client_search_terms("00212612345678").phone_fragment == "612345678");
    CHECK(client_search_terms("+212 6").phone_fragment == "6");

    t = client_search_terms("El Idrissi");
    CHECK(t.phone_fragment.empty());
    CHECK(t.cin_fragment.empty());                               // 9 letters: longer than any CIN
    CHECK(client_search_terms("amina").cin_fragment == "AMINA"); // harmless: no CIN contains it
    CHECK(client_search_terms("612").phone_fragment == "612");
    CHECK_FALSE(client_search_terms("612").phone_from_start);
}

TEST_CASE("contract status moves: active <-> suspended, to terminated, never back") {
    using S = ContractStatus;
    CHECK(status_transition_allowed(S::Active, S::Suspended));
    CHECK(status_transition_allowed(S::Suspended, S::Active));
    CHECK(status_transition_allowed(S::Active, S::Terminated));
    CHECK(status_transition_allowed(S::Suspended, S::Terminated));
    for (S s : {S::Active, S::Suspended, S::Terminated}) {
        CHECK_FALSE(status_transition_allowed(s, s));
        CHECK_FALSE(status_transition_allowed(S::Terminated, s));
    }
}
