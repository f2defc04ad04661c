#include "shared/wire/offer_json.h"

#include "shared/domain/text.h"
#include "shared/wire/json_reader.h"

namespace isp::wire {

nlohmann::json to_json(const Offer& o) {
    return {{"offer_id", o.offer_id},
            {"family", std::string{to_string(o.family)}},
            {"name", o.name},
            {"description", o.description},
            {"monthly_price", to_json(o.monthly_price)},
            {"tax_rate_bp", o.tax_rate_bp},
            {"monthly_tax", to_json(tax_amount(o))},
            {"monthly_price_with_tax", to_json(price_with_tax(o))},
            {"commitment_months", o.commitment_months},
            {"active", o.active}};
}

Offer offer_from_json(const nlohmann::json& j) {
    Offer o;
    o.offer_id = j.at("offer_id").get<std::string>();
    auto family = parse_service_family(j.at("family").get<std::string>());
    if (!family)
        throw nlohmann::json::other_error::create(501, "unknown family", &j);
    o.family = *family;
    o.name = j.at("name").get<std::string>();
    o.description = j.value("description", "");
    o.monthly_price = money_from_json(j.at("monthly_price"));
    o.tax_rate_bp = integer_value<BasisPoints>(j.at("tax_rate_bp"));
    o.commitment_months = integer_or(j, "commitment_months", 0);
    o.active = j.value("active", true);
    return o;
}

Offer offer_body_from_json(const nlohmann::json& body, FieldErrors& out) {
    FieldErrors errors;
    Offer o;
    auto bad = [&](const char* field, const char* code, const std::string& message) {
        errors.push_back({field, code, message});
    };

    const auto family = body.find("family");
    if (family == body.end() || !family->is_string() || !parse_service_family(family->get<std::string>()))
        bad("family", "invalid_family", "family must be one of mobile, internet, landline.");
    else
        o.family = *parse_service_family(family->get<std::string>());

    const auto name = body.find("name");
    if (name == body.end() || !name->is_string() || name->get<std::string>().empty() ||
        utf8_length(name->get<std::string>()) > max_offer_name_chars)
        bad("name", "invalid_length", "name must be text of 1 to 100 characters.");
    else
        o.name = name->get<std::string>();

    if (const auto d = body.find("description"); d != body.end()) {
        if (!d->is_string() || utf8_length(d->get<std::string>()) > max_offer_description_chars)
            bad("description", "invalid_length", "description must be text of at most 1000 characters.");
        else
            o.description = d->get<std::string>();
    }

    const auto price = body.find("monthly_price");
    if (price == body.end() || !price->is_object()) {
        bad("monthly_price", "required", "monthly_price must be {\"amount_minor\": ..., \"currency\": ...}.");
    } else {
        const auto amount = price->find("amount_minor");
        // The ceiling keeps every computation on a price (tax, proration, totals) far from
        // overflowing 64 bits (found by fuzzing: INT64_MAX with 20 % tax).
        if (amount == price->end() || !amount->is_number_integer() || amount->get<std::int64_t>() < 0 ||
            amount->get<std::int64_t>() > max_offer_price_minor)
            bad("monthly_price.amount_minor", "invalid_amount",
                "monthly_price.amount_minor must be a whole number of minor units, from 0 to " +
                    std::to_string(max_offer_price_minor) + ".");
        else
            o.monthly_price.amount_minor = amount->get<std::int64_t>();
        const auto currency = price->find("currency");
        if (currency == price->end() || !currency->is_string() || !is_currency_code(currency->get<std::string>()))
            bad("monthly_price.currency", "invalid_currency",
                "monthly_price.currency must be an ISO 4217 code (3 capital letters).");
        else
            o.monthly_price.currency = currency->get<std::string>();
    }

    const auto tax = body.find("tax_rate_bp");
    if (tax == body.end() || !tax->is_number_integer() || tax->get<std::int64_t>() < 0 ||
        tax->get<std::int64_t>() > 10000)
        bad("tax_rate_bp", "out_of_range", "tax_rate_bp must be a whole number of basis points from 0 to 10000.");
    else
        o.tax_rate_bp = static_cast<BasisPoints>(tax->get<std::int64_t>());

    // Absent: no commitment. The signup form offers exactly these choices.
    if (const auto m = body.find("commitment_months"); m != body.end()) {
        const bool ok = m->is_number_integer() &&
                        (m->get<std::int64_t>() == 0 || m->get<std::int64_t>() == 12 || m->get<std::int64_t>() == 24);
        if (!ok)
            bad("commitment_months", "invalid_commitment", "commitment_months must be 0, 12 or 24.");
        else
            o.commitment_months = static_cast<int>(m->get<std::int64_t>());
    }

    if (const auto a = body.find("active"); a != body.end()) {
        if (!a->is_boolean())
            bad("active", "invalid_type", "active must be true or false.");
        else
            o.active = a->get<bool>();
    }

    out.insert(out.end(), errors.begin(), errors.end());
    return o;
}

nlohmann::json offer_categories_json(const std::vector<Offer>& offers) {
    nlohmann::json families = nlohmann::json::array();
    for (ServiceFamily f : all_service_families) {
        nlohmann::json list = nlohmann::json::array();
        int active = 0;
        for (const Offer& o : offers)
            if (o.family == f) {
                list.push_back(to_json(o));
                active += o.active ? 1 : 0;
            }
        const auto count = list.size();
        families.push_back({{"family", std::string(to_string(f))},
                            {"label_fr", std::string(family_label(f, Language::French))},
                            {"label_en", std::string(family_label(f, Language::English))},
                            {"offer_count", count},
                            {"active_count", active},
                            {"offers", std::move(list)}});
    }
    return {{"data", std::move(families)}, {"total", offers.size()}};
}

} // namespace isp::wire
