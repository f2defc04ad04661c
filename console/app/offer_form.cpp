#include "console/app/offer_form.h"

#include "shared/domain/text.h"
#include "webapp/i18n/translation.h"

namespace isp::console {
namespace {

using T = webapp::Translation;

constexpr T name_invalid{"Le nom fait de 1 \u00e0 100 caract\u00e8res.", "The name is 1 to 100 characters."};
constexpr T description_invalid{"La description fait au plus 1000 caract\u00e8res.",
                                "The description is at most 1000 characters."};
constexpr T price_invalid{"Un montant de 0 \u00e0 10 milliards, au plus 2 d\u00e9cimales (ex. : 299,00).",
                          "An amount from 0 to 10 billion, at most 2 decimals (e.g. 299.00)."};
constexpr T currency_invalid{"Un code ISO 4217 de 3 lettres majuscules (MAD).",
                             "An ISO 4217 code of 3 capital letters (MAD)."};
constexpr T tax_invalid{"Un taux de 0 \u00e0 100 %, au plus 2 d\u00e9cimales.",
                        "A rate from 0 to 100 %, at most 2 decimals."};
constexpr T commitment_invalid{"0, 12 ou 24 mois.", "0, 12 or 24 months."};
constexpr T family_invalid{"Mobile, Internet ou fixe.", "Mobile, internet or landline."};

std::string message(const T& words, Language language) {
    return std::string{webapp::in_language(words, language)};
}

// Digits with at most two decimals after "," or ".", groups separated by spaces, as hundredths.
std::optional<std::int64_t> hundredths(const std::string& typed, std::int64_t ceiling) {
    std::string digits;
    int decimals = -1; // -1: no decimal mark yet
    const std::string_view text = trim(typed);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char ch = text[i];
        if (ch >= '0' && ch <= '9') {
            if (decimals >= 2)
                return std::nullopt;
            if (decimals >= 0)
                ++decimals;
            digits += ch;
            if (digits.size() > 15)
                return std::nullopt;
        } else if ((ch == '.' || ch == ',') && decimals < 0 && !digits.empty()) {
            decimals = 0;
        } else if (ch == ' ' && decimals < 0) {
            continue;
        } else if (text.substr(i).starts_with("\u00a0") || text.substr(i).starts_with("\u202f")) {
            i += text.substr(i).starts_with("\u00a0") ? 1 : 2; // a no-break space, as format_money writes
        } else {
            return std::nullopt;
        }
    }
    if (digits.empty())
        return std::nullopt;
    std::int64_t value = std::stoll(digits);
    for (int d = decimals < 0 ? 0 : decimals; d < 2; ++d)
        value *= 10;
    if (value > ceiling)
        return std::nullopt;
    return value;
}

} // namespace

std::optional<std::int64_t> parse_amount_minor(const std::string& typed) {
    return hundredths(typed, max_offer_price_minor);
}

std::string amount_text(std::int64_t minor) {
    std::string cents = std::to_string(minor % 100);
    return std::to_string(minor / 100) + "." + (cents.size() < 2 ? "0" : "") + cents;
}

OfferForm OfferForm::of(const Offer& o) {
    OfferForm f;
    f.family = std::string{to_string(o.family)};
    f.name = o.name;
    f.description = o.description;
    f.monthly_price = amount_text(o.monthly_price.amount_minor);
    f.currency = o.monthly_price.currency;
    f.tax_rate = std::to_string(o.tax_rate_bp / 100);
    if (o.tax_rate_bp % 100 != 0)
        f.tax_rate = amount_text(o.tax_rate_bp);
    f.commitment_months = std::to_string(o.commitment_months);
    f.active = o.active;
    return f;
}

std::optional<Offer> OfferForm::offer(FieldErrors& errors, Language language) const {
    Offer o;
    const std::size_t before = errors.size();
    if (const auto f = parse_service_family(family))
        o.family = *f;
    else
        errors.push_back({"family", "invalid_family", message(family_invalid, language)});
    const std::string typed_name{trim(name)};
    if (typed_name.empty() || utf8_length(typed_name) > max_offer_name_chars)
        errors.push_back({"name", "invalid_length", message(name_invalid, language)});
    o.name = typed_name;
    if (utf8_length(description) > max_offer_description_chars)
        errors.push_back({"description", "invalid_length", message(description_invalid, language)});
    o.description = description;
    if (const auto minor = parse_amount_minor(monthly_price))
        o.monthly_price.amount_minor = *minor;
    else
        errors.push_back({"monthly_price.amount_minor", "invalid_amount", message(price_invalid, language)});
    if (is_currency_code(currency))
        o.monthly_price.currency = currency;
    else
        errors.push_back({"monthly_price.currency", "invalid_currency", message(currency_invalid, language)});
    if (const auto bp = hundredths(tax_rate, 10000))
        o.tax_rate_bp = static_cast<BasisPoints>(*bp);
    else
        errors.push_back({"tax_rate_bp", "out_of_range", message(tax_invalid, language)});
    if (commitment_months == "0" || commitment_months == "12" || commitment_months == "24")
        o.commitment_months = std::stoi(commitment_months);
    else
        errors.push_back({"commitment_months", "invalid_commitment", message(commitment_invalid, language)});
    o.active = active;
    if (errors.size() != before)
        return std::nullopt;
    return o;
}

} // namespace isp::console
