// OperatorIdentity: who issues a document (the ISP itself), as printed at the top and
// bottom of every contract and invoice. Comes from the operator's configuration.
#pragma once
#include <string>

namespace isp::pdf {

struct OperatorIdentity {
    std::string name;      // "Atlas Net SARL"
    std::string address;   // one line, or several separated by '\n'
    std::string legal_ids; // "RC 123456 · IF 1234567 · ICE 001234567000089"
    std::string footer;    // small print on every page: capital, customer service, website
};

} // namespace isp::pdf
