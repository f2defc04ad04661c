// Moroccan phone numbers, as customers type them ("06 12 34 56 78", "+212 612-345678",
// "00212612345678"), normalised to E.164 ("+212612345678").
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace isp {

enum class PhoneKind {
    Mobile,   // +212 6xx / 7xx
    Landline, // +212 5xx (fixed lines; internet access lines carry such a number too)
};

struct PhoneNumber {
    std::string e164; // "+212612345678"
    PhoneKind kind = PhoneKind::Mobile;
};

std::optional<PhoneNumber> normalize_phone(std::string_view text);

} // namespace isp
