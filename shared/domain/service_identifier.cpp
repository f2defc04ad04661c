#include "shared/domain/service_identifier.h"

#include "shared/domain/phone.h"
#include "shared/domain/text.h"

namespace isp {
namespace {

// Internet lines without a number carry the operator's reference: 6-20 letters, digits, '-'.
std::optional<std::string> normalize_line_reference(std::string_view text) {
    std::string ref;
    for (char c : trim(text)) {
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'))
            return std::nullopt;
        ref += c;
    }
    if (ref.size() < 6 || ref.size() > 20 || ref.front() == '-')
        return std::nullopt;
    // A phone number is never a reference: "0612345678" typed for an internet line would
    // be stored as a reference, and the same text typed to prove who one is (where the
    // family is not known) read as a number: the proof could never hold (found by fuzzing).
    if (normalize_phone(ref))
        return std::nullopt;
    return ref;
}

} // namespace

std::optional<std::string> normalize_service_identifier(ServiceFamily family, std::string_view text,
                                                        std::string& code) {
    const auto phone = normalize_phone(trim(text));
    switch (family) {
    case ServiceFamily::Mobile:
        code = "invalid_mobile_number";
        if (phone && phone->kind == PhoneKind::Mobile)
            return phone->e164;
        return std::nullopt;
    case ServiceFamily::Landline:
        code = "invalid_landline_number";
        if (phone && phone->kind == PhoneKind::Landline)
            return phone->e164;
        return std::nullopt;
    case ServiceFamily::Internet:
        code = "invalid_line_reference";
        if (phone && phone->kind == PhoneKind::Landline)
            return phone->e164;
        return normalize_line_reference(text);
    }
    return std::nullopt;
}

std::optional<std::string> normalize_any_service_identifier(std::string_view text) {
    // A number is tried first: "0612345678" is also a well-formed line reference.
    if (const auto phone = normalize_phone(trim(text)))
        return phone->e164;
    return normalize_line_reference(text);
}

} // namespace isp
