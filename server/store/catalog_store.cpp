#include "server/store/catalog_store.h"

#include "server/store/database.h"
#include "server/store/paged_query.h"

namespace isp::store {
namespace {

constexpr const char* offer_columns =
    "offer_id, family, name, description, monthly_price_minor, currency, tax_rate_bp, commitment_months, active";

Offer read_offer(const Statement& st) {
    Offer o;
    o.offer_id = st.text(0);
    o.family = parse_service_family(st.text(1)).value_or(ServiceFamily::Mobile);
    o.name = st.text(2);
    o.description = st.text(3);
    o.monthly_price = Money{st.integer(4), st.text(5)};
    o.tax_rate_bp = static_cast<BasisPoints>(st.integer(6));
    o.commitment_months = static_cast<int>(st.integer(7));
    o.active = st.integer(8) != 0;
    return o;
}

} // namespace

std::vector<Offer> list_offers(Connection& c, bool active_only) {
    auto st = c.prepare(std::string("SELECT ") + offer_columns +
                        " FROM offers WHERE active >= ?1 ORDER BY family, monthly_price_minor, name");
    st.bind(active_only ? 1 : 0);
    std::vector<Offer> out;
    while (st.step())
        out.push_back(read_offer(st));
    return out;
}

std::optional<Offer> find_offer(Connection& c, std::string_view offer_id) {
    auto st = c.prepare(std::string("SELECT ") + offer_columns + " FROM offers WHERE offer_id = ?1");
    st.bind(offer_id);
    if (!st.step())
        return std::nullopt;
    return read_offer(st);
}

void insert_offer(Connection& c, const Offer& o, const std::string& now) {
    c.prepare(
         "INSERT INTO offers (offer_id, family, name, description, monthly_price_minor, currency, tax_rate_bp, "
         "commitment_months, active, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)")
        .bind(o.offer_id, std::string(to_string(o.family)), o.name, o.description, o.monthly_price.amount_minor,
              o.monthly_price.currency, static_cast<std::int64_t>(o.tax_rate_bp), o.commitment_months, o.active, now)
        .run();
}

std::int64_t count_offers(Connection& c) {
    return count_rows(c, "SELECT COUNT(*) FROM offers");
}

std::vector<Offer> list_offers_page(Connection& c, std::int64_t limit, std::int64_t offset) {
    // offer_id breaks ties so pages never overlap or skip.
    return read_page(
        c, std::string("SELECT ") + offer_columns + " FROM offers ORDER BY family, monthly_price_minor, name, offer_id",
        limit, offset, read_offer);
}

bool update_offer(Connection& c, const Offer& o, const std::string& now) {
    c.prepare("UPDATE offers SET family = ?2, name = ?3, description = ?4, monthly_price_minor = ?5, currency = ?6, "
              "tax_rate_bp = ?7, commitment_months = ?8, active = ?9, updated_at = ?10 WHERE offer_id = ?1")
        .bind(o.offer_id, std::string(to_string(o.family)), o.name, o.description, o.monthly_price.amount_minor,
              o.monthly_price.currency, static_cast<std::int64_t>(o.tax_rate_bp), o.commitment_months, o.active, now)
        .run();
    return c.changes() > 0;
}

bool delete_offer(Connection& c, std::string_view offer_id) {
    c.prepare("DELETE FROM offers WHERE offer_id = ?1").bind(offer_id).run();
    return c.changes() > 0;
}

bool offer_ever_used(Connection& c, std::string_view offer_id) {
    auto st = c.prepare("SELECT EXISTS (SELECT 1 FROM contracts WHERE offer_id = ?1) OR "
                        "EXISTS (SELECT 1 FROM contract_offer_periods WHERE offer_id = ?1) OR "
                        // An offer change scheduled to it, even cancelled, references it.
                        "EXISTS (SELECT 1 FROM scheduled_changes WHERE offer_id = ?1)");
    st.bind(offer_id);
    st.step();
    return st.integer(0) != 0;
}

} // namespace isp::store
