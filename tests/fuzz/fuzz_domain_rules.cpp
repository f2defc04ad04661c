// Fuzz harness `domain_rules`: the rules every typed value goes through (shared/domain):
// text (trim, UTF-8 validity, clean single lines, lengths), CIN, phone, e-mail, service
// identifiers, staff search terms and ISO dates. None may crash, and each keeps its
// promises:
//   - trim() is idempotent and returns a part of its input without outer blanks;
//   - utf8_valid_prefix(), is_valid_utf8(), is_clean_utf8_line() and utf8_length() agree
//     with a reference decoder written from the Unicode standard's table of well-formed
//     byte sequences (Table 3-7), a different algorithm from the one under test;
//   - every normalize_* result is a fixed point (normalising it again gives it back) and
//     has the stored form its header promises (CIN [A-Z]{1,2}[0-9]{3,6}, E.164 +212 and 9
//     digits with the right kind, e-mail with one '@' and a lower-case domain, ...);
//   - parse_iso_date() only accepts what to_iso() writes back identically.
// The input is used whole, and also split at its first '\n' so a prefix and a suffix are
// tried on their own (a name typed after a number, and so on).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "fuzz_support.h"
#include "shared/domain/cin.h"
#include "shared/domain/client_search.h"
#include "shared/domain/date.h"
#include "shared/domain/email.h"
#include "shared/domain/offer.h"
#include "shared/domain/phone.h"
#include "shared/domain/service_identifier.h"
#include "shared/domain/text.h"

namespace {

// --- reference UTF-8 decoder: Unicode 15, Table 3-7 "Well-Formed UTF-8 Byte Sequences" ---
struct Decoded {
    std::size_t length = 0; // bytes of the well-formed sequence at the position; 0 when ill-formed
    std::uint32_t code_point = 0;
};

Decoded decode_one(std::string_view s, std::size_t i) {
    auto at = [&](std::size_t k) -> int { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : -1; };
    auto in = [](int b, int lo, int hi) { return b >= lo && b <= hi; };
    const int b0 = at(0);
    if (in(b0, 0x00, 0x7F))
        return {1, static_cast<std::uint32_t>(b0)};
    const int b1 = at(1), b2 = at(2), b3 = at(3);
    auto cp2 = [&] { return static_cast<std::uint32_t>(((b0 & 0x1F) << 6) | (b1 & 0x3F)); };
    auto cp3 = [&] { return static_cast<std::uint32_t>(((b0 & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F)); };
    auto cp4 = [&] {
        return static_cast<std::uint32_t>(((b0 & 0x07) << 18) | ((b1 & 0x3F) << 12) | ((b2 & 0x3F) << 6) | (b3 & 0x3F));
    };
    if (in(b0, 0xC2, 0xDF) && in(b1, 0x80, 0xBF))
        return {2, cp2()};
    if (b0 == 0xE0 && in(b1, 0xA0, 0xBF) && in(b2, 0x80, 0xBF))
        return {3, cp3()};
    if ((in(b0, 0xE1, 0xEC) || in(b0, 0xEE, 0xEF)) && in(b1, 0x80, 0xBF) && in(b2, 0x80, 0xBF))
        return {3, cp3()};
    if (b0 == 0xED && in(b1, 0x80, 0x9F) && in(b2, 0x80, 0xBF))
        return {3, cp3()};
    if (b0 == 0xF0 && in(b1, 0x90, 0xBF) && in(b2, 0x80, 0xBF) && in(b3, 0x80, 0xBF))
        return {4, cp4()};
    if (in(b0, 0xF1, 0xF3) && in(b1, 0x80, 0xBF) && in(b2, 0x80, 0xBF) && in(b3, 0x80, 0xBF))
        return {4, cp4()};
    if (b0 == 0xF4 && in(b1, 0x80, 0x8F) && in(b2, 0x80, 0xBF) && in(b3, 0x80, 0xBF))
        return {4, cp4()};
    return {};
}

struct Reference {
    std::size_t valid_prefix = 0; // bytes before the first ill-formed sequence
    std::size_t code_points = 0;  // in that prefix
    bool has_control = false;     // C0, DEL or C1 in that prefix
};

Reference reference(std::string_view s) {
    Reference r;
    std::size_t i = 0;
    while (i < s.size()) {
        const Decoded d = decode_one(s, i);
        if (d.length == 0)
            break;
        ++r.code_points;
        if (d.code_point < 0x20 || (d.code_point >= 0x7F && d.code_point <= 0x9F))
            r.has_control = true;
        i += d.length;
    }
    r.valid_prefix = i;
    return r;
}

bool is_blank(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_upper(char c) {
    return c >= 'A' && c <= 'Z';
}

std::string show(std::string_view s) {
    std::string out;
    for (unsigned char c : s.substr(0, 200)) {
        if (c >= 0x20 && c < 0x7F && c != '\\') {
            out += static_cast<char>(c);
        } else {
            static constexpr char hex[] = "0123456789abcdef";
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

void check_text(std::string_view s) {
    // trim
    const std::string_view t = isp::trim(s);
    ISP_FUZZ_CHECK(isp::trim(t) == t, show(s));
    ISP_FUZZ_CHECK(t.empty() || (!is_blank(t.front()) && !is_blank(t.back())), show(s));
    ISP_FUZZ_CHECK(t.empty() || (t.data() >= s.data() && t.data() + t.size() <= s.data() + s.size()), show(s));
    for (std::size_t i = 0; t.empty() && i < s.size(); ++i) // everything was blank
        ISP_FUZZ_CHECK(is_blank(s[i]), show(s));

    // UTF-8 against the reference decoder
    const Reference ref = reference(s);
    const std::size_t prefix = isp::utf8_valid_prefix(s);
    ISP_FUZZ_CHECK(prefix == ref.valid_prefix, show(s) + ": utf8_valid_prefix " + std::to_string(prefix) +
                                                   ", reference " + std::to_string(ref.valid_prefix));
    const bool valid = ref.valid_prefix == s.size();
    ISP_FUZZ_CHECK(isp::is_valid_utf8(s) == valid, show(s));
    ISP_FUZZ_CHECK(isp::is_clean_utf8_line(s) == (valid && !ref.has_control), show(s));
    if (valid)
        ISP_FUZZ_CHECK(isp::utf8_length(s) == ref.code_points, show(s));
    // Any prefix that ends on a sequence boundary of the valid part is itself valid.
    ISP_FUZZ_CHECK(isp::is_valid_utf8(s.substr(0, prefix)), show(s));
}

void check_cin(std::string_view s) {
    const auto cin = isp::normalize_cin(s);
    if (!cin)
        return;
    std::size_t letters = 0;
    while (letters < cin->size() && is_upper((*cin)[letters]))
        ++letters;
    const std::size_t digits = cin->size() - letters;
    ISP_FUZZ_CHECK(letters >= 1 && letters <= 2 && digits >= 3 && digits <= 6, show(s) + " -> " + show(*cin));
    for (std::size_t i = letters; i < cin->size(); ++i)
        ISP_FUZZ_CHECK(is_digit((*cin)[i]), show(s) + " -> " + show(*cin));
    ISP_FUZZ_CHECK(isp::normalize_cin(*cin) == cin, show(s) + " -> " + show(*cin));
}

void check_phone(std::string_view s) {
    const auto phone = isp::normalize_phone(s);
    if (!phone)
        return;
    const std::string& e = phone->e164;
    ISP_FUZZ_CHECK(e.size() == 13 && e.rfind("+212", 0) == 0, show(s) + " -> " + show(e));
    for (std::size_t i = 1; i < e.size(); ++i)
        ISP_FUZZ_CHECK(is_digit(e[i]), show(e));
    const char first = e[4];
    ISP_FUZZ_CHECK(phone->kind == (first == '5' ? isp::PhoneKind::Landline : isp::PhoneKind::Mobile), show(e));
    ISP_FUZZ_CHECK(first == '5' || first == '6' || first == '7', show(e));
    const auto again = isp::normalize_phone(e);
    ISP_FUZZ_CHECK(again && again->e164 == e && again->kind == phone->kind, show(s) + " -> " + show(e));
    // The national form a person types gives the same number.
    const auto national = isp::normalize_phone("0" + e.substr(4));
    ISP_FUZZ_CHECK(national && national->e164 == e, show(e));
}

void check_email(std::string_view s) {
    const auto email = isp::normalize_email(s);
    if (!email)
        return;
    const std::string& e = *email;
    ISP_FUZZ_CHECK(!e.empty() && e.size() <= 254, show(s));
    const auto at = e.find('@');
    ISP_FUZZ_CHECK(at != std::string::npos && at > 0 && e.find('@', at + 1) == std::string::npos, show(e));
    for (const char c : e)
        ISP_FUZZ_CHECK(static_cast<unsigned char>(c) > ' ' && c != 0x7f, show(e));
    for (std::size_t i = at + 1; i < e.size(); ++i)
        ISP_FUZZ_CHECK(!is_upper(e[i]), show(e));
    ISP_FUZZ_CHECK(e.find('.', at + 1) != std::string::npos, show(e));
    ISP_FUZZ_CHECK(isp::normalize_email(e) == email, show(s) + " -> " + show(e));
    // Only the domain's case and the outer blanks change.
    ISP_FUZZ_CHECK(isp::trim(s).substr(0, at + 1) == std::string_view(e).substr(0, at + 1), show(s));
}

void check_service_identifier(std::string_view s) {
    for (const isp::ServiceFamily family : isp::all_service_families) {
        std::string code;
        const auto id = isp::normalize_service_identifier(family, s, code);
        ISP_FUZZ_CHECK(!code.empty(), show(s));
        if (!id)
            continue;
        std::string code2;
        ISP_FUZZ_EXPECT("service_identifier_fixed_point", isp::normalize_service_identifier(family, *id, code2) == id,
                        show(s) + " -> " + show(*id) + " for " + std::string(isp::to_string(family)));
        ISP_FUZZ_CHECK(!id->empty() && id->size() <= 20, show(*id));
        if (family != isp::ServiceFamily::Internet) {
            const auto phone = isp::normalize_phone(*id);
            ISP_FUZZ_CHECK(phone && phone->e164 == *id, show(*id));
        }
        // Identity checks (verify-cin) do not know the family: typed the same way, the
        // subscriber must give the stored form signup computed, or a right proof fails.
        ISP_FUZZ_EXPECT("service_identifier_family_vs_any", isp::normalize_any_service_identifier(s) == id,
                        show(s) + " -> " + show(*id) + " for " + std::string(isp::to_string(family)));
    }
    if (const auto any = isp::normalize_any_service_identifier(s))
        ISP_FUZZ_EXPECT("service_identifier_fixed_point", isp::normalize_any_service_identifier(*any) == any,
                        show(s) + " -> " + show(*any));
}

void check_search(std::string_view s) {
    const isp::ClientSearchTerms terms = isp::client_search_terms(s);
    for (const char c : terms.cin_fragment)
        ISP_FUZZ_CHECK(is_upper(c) || is_digit(c), show(s) + " -> " + show(terms.cin_fragment));
    for (const char c : terms.phone_fragment)
        ISP_FUZZ_CHECK(is_digit(c), show(s) + " -> " + show(terms.phone_fragment));
    ISP_FUZZ_CHECK(terms.text == isp::trim(terms.text), show(s));
}

void check_date(std::string_view s) {
    const auto date = isp::parse_iso_date(s);
    if (!date)
        return;
    ISP_FUZZ_CHECK(date->month >= 1 && date->month <= 12, show(s));
    ISP_FUZZ_CHECK(date->day >= 1 && date->day <= isp::days_in_month(date->year, date->month), show(s));
    ISP_FUZZ_CHECK(date->to_iso() == s, show(s) + " -> " + date->to_iso());
    ISP_FUZZ_CHECK(isp::Date::from_days(date->to_days()) == *date, show(s));
}

void check_all(std::string_view s) {
    check_text(s);
    check_cin(s);
    check_phone(s);
    check_email(s);
    check_service_identifier(s);
    check_search(s);
    check_date(s);
    if (const auto family = isp::parse_service_family(s))
        ISP_FUZZ_CHECK(isp::to_string(*family) == s, show(s));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > 4096) // every field we keep is far shorter; longer inputs only slow the search
        return 0;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    check_all(text);
    if (const auto nl = text.find('\n'); nl != std::string_view::npos) {
        check_all(text.substr(0, nl));
        check_all(text.substr(nl + 1));
    }
    return 0;
}
