#include "server/services/offer_catalog.h"

#include "server/clock/clock.h"
#include "server/security/random_id.h"
#include "server/services/failure.h"
#include "server/services/service_context.h"
#include "server/store/catalog_store.h"
#include "server/store/database.h"
#include "shared/domain/money.h"
#include "shared/domain/text.h"

namespace isp::services {
namespace {

Failure offer_not_found(const std::string& id) {
    return Failure(FailureKind::NotFound, "offer_not_found", "No offer " + id + ".");
}

} // namespace

Offer offer_from_body(const nlohmann::json& body) {
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

    if (!errors.empty())
        throw Failure(FailureKind::Invalid, "validation_failed", "The offer has invalid fields.", std::move(errors));
    return o;
}

std::vector<Offer> all_offers(ServiceContext& context) {
    return context.db.read([](store::Connection& c) { return store::list_offers(c, false); });
}

Page<Offer> list_offers(ServiceContext& context, std::int64_t limit, std::int64_t offset) {
    return context.db.read([&](store::Connection& c) {
        return Page<Offer>{store::count_offers(c), store::list_offers_page(c, limit, offset)};
    });
}

Offer create_offer(ServiceContext& context, Offer offer) {
    offer.offer_id = security::new_id("ofr_", 10);
    const std::string now = context.clock.now_iso();
    // The landing bootstrap cache notices through Database::generation (offers is watched).
    context.db.write([&](store::Connection& c) { store::insert_offer(c, offer, now); });
    return offer;
}

Offer get_offer(ServiceContext& context, const std::string& offer_id) {
    auto offer = context.db.read([&](store::Connection& c) { return store::find_offer(c, offer_id); });
    if (!offer)
        throw offer_not_found(offer_id);
    return *offer;
}

Offer replace_offer(ServiceContext& context, Offer offer) {
    const std::string now = context.clock.now_iso();
    if (!context.db.write([&](store::Connection& c) { return store::update_offer(c, offer, now); }))
        throw offer_not_found(offer.offer_id);
    return offer;
}

void remove_offer(ServiceContext& context, const std::string& offer_id) {
    context.db.write([&](store::Connection& c) {
        if (!store::find_offer(c, offer_id))
            throw offer_not_found(offer_id);
        // Checked in the same transaction as the delete: no contract can slip in between.
        if (store::offer_ever_used(c, offer_id))
            throw Failure(FailureKind::Conflict, "offer_delete_blocked",
                          "Contracts use or used this offer, so it cannot be deleted; set active to false "
                          "to withdraw it from sale.");
        store::delete_offer(c, offer_id);
    });
}

} // namespace isp::services
