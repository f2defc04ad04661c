// OperatorIdentity: who issues a document (the ISP itself), as printed at the top and
// bottom of every contract and invoice. Comes from the operator's configuration.
#pragma once
#include <cstdint>
#include <string>

namespace isp::pdf {

struct OperatorIdentity {
    std::string name;                // "Atlas Net SARL"
    std::string address;             // one line, or several separated by '\n'
    std::string legal_ids;           // "RC 123456 · IF 1234567 · ICE 001234567000089"
    std::string footer;              // small print on every page: capital, customer service, website
    std::uint32_t accent = 0x0D4A87; // 0xRRGGBB: titles, rules, the paid stamp
    std::string logo;                // PNG or JPEG file bytes, printed top left; empty for none
};

} // namespace isp::pdf
