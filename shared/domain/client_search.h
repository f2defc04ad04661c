// What a staff search box query (GET /api/v1/customers?q=...) can match, normalised the
// way the stored values are: "ab 123456" finds CIN AB123456, "06 12 34 56 78" and
// "+212 612" find phone +212612345678, "amina el" finds Amina El Idrissi.
#pragma once
#include <string>
#include <string_view>

namespace isp {

struct ClientSearchTerms {
    std::string text;              // trimmed query, matched against "first last" and "last first"
    std::string cin_fragment;      // upper case without spaces, dashes, dots; empty if it cannot be part of a CIN
    std::string phone_fragment;    // digits of the national number (no 0 / +212 / 00212 prefix); empty if not a number
    bool phone_from_start = false; // typed with its prefix ("0612..."): the number starts with the fragment
};

ClientSearchTerms client_search_terms(std::string_view query);

} // namespace isp
