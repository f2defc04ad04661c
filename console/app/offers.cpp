#include "console/app/offers.h"

#include <algorithm>

#include "console/i18n/console_text.h"
#include "shared/wire/offer_json.h"

namespace isp::console {
namespace {

using T = webapp::Translation;

constexpr T loading_offers{"Chargement des offres", "Loading the offers"};
constexpr T saving_offer{"Enregistrement de l\u2019offre", "Saving the offer"};
constexpr T deleting_offer{"Suppression de l\u2019offre", "Deleting the offer"};
constexpr T offer_saved{"Offre enregistr\u00e9e.", "Offer saved."};
constexpr T offer_deleted{"Offre supprim\u00e9e.", "Offer deleted."};
constexpr T offer_deactivated{"Offre retir\u00e9e de la vente.", "Offer withdrawn from sale."};
constexpr T offer_activated{"Offre remise en vente.", "Offer back on sale."};

// GET /offer-categories: every family with its offers, inactive ones included.
std::vector<Offer> catalog_from_json(const nlohmann::json& j) {
    std::vector<Offer> offers;
    for (const nlohmann::json& family : j.at("data"))
        for (const nlohmann::json& offer : family.at("offers"))
            offers.push_back(wire::offer_from_json(offer));
    return offers;
}

int family_rank(ServiceFamily f) {
    return static_cast<int>(std::find(std::begin(all_service_families), std::end(all_service_families), f) -
                            std::begin(all_service_families));
}

} // namespace

void Offers::open(const Place& place) {
    (void)place;
    form_open = false;
    delete_dialog_open = false;
    load();
}

void Offers::load() {
    busy_ = "loading";
    notice_.reset();
    ctx_.api.get<std::vector<Offer>>(
        "/offer-categories", catalog_from_json, [this](ApiResult<std::vector<Offer>> result) {
            busy_ = {};
            if (!result.value)
                return show(failure(result.error, std::string{tr(loading_offers, lang())}, lang(), [this] { load(); }));
            offers_ = std::move(*result.value);
            std::stable_sort(offers_.begin(), offers_.end(), [](const Offer& a, const Offer& b) {
                if (a.family != b.family)
                    return family_rank(a.family) < family_rank(b.family);
                return a.name < b.name;
            });
        });
}

const Offer* Offers::find(const std::string& offer_id) const {
    for (const Offer& o : offers_)
        if (o.offer_id == offer_id)
            return &o;
    return nullptr;
}

std::string Offers::error_of(std::string_view field) const {
    for (const FieldError& e : errors_)
        if (e.field == field)
            return e.message;
    return {};
}

void Offers::start_create() {
    if (!may_write())
        return;
    editing_.clear();
    form = OfferForm{};
    errors_.clear();
    form_open = true;
}

void Offers::start_edit(const std::string& offer_id) {
    const Offer* offer = find(offer_id);
    if (!offer || !may_write())
        return;
    editing_ = offer_id;
    form = OfferForm::of(*offer);
    errors_.clear();
    form_open = true;
}

void Offers::save() {
    if (!busy_.empty() || !may_write())
        return;
    errors_.clear();
    std::optional<Offer> offer = form.offer(errors_, lang());
    if (!offer)
        return; // each wrong field is shown beside it; nothing is sent
    offer->offer_id = editing_;
    put_offer(*offer, std::string{tr(saving_offer, lang())});
}

// Creates (no offer_id) or replaces the offer: the whole offer, as the server wants it.
void Offers::put_offer(const Offer& offer, std::string_view what) {
    nlohmann::json body = wire::to_json(offer);
    body.erase("offer_id");
    body.erase("monthly_tax"); // derived: the server ignores them
    body.erase("monthly_price_with_tax");
    const bool create = offer.offer_id.empty();
    const std::string path = create ? "/offers" : "/offers/" + offer.offer_id;
    const std::string method = create ? "POST" : "PUT";
    const std::string key = save_attempt_.key_for({{"method", method}, {"path", path}, {"body", body}});
    busy_ = "saving";
    notice_.reset();
    ctx_.api.write<Offer>(
        method, path, body, key, wire::offer_from_json,
        [this, offer, what = std::string{what}](ApiResult<Offer> result) {
            busy_ = {};
            if (!result.value) {
                if (!result.error.network() && result.error.status < 500)
                    save_attempt_.finished();
                errors_ = result.error.errors;
                return show(failure(result.error, what, lang(), [this, offer, what] { put_offer(offer, what); }));
            }
            save_attempt_.finished();
            saved(*result.value);
        });
}

void Offers::saved(const Offer& offer) {
    auto before =
        std::find_if(offers_.begin(), offers_.end(), [&offer](const Offer& o) { return o.offer_id == offer.offer_id; });
    const bool only_active_changed = before != offers_.end() && !form_open && before->active != offer.active;
    if (before != offers_.end()) {
        *before = offer;
    } else {
        offers_.push_back(offer);
        std::stable_sort(offers_.begin(), offers_.end(), [](const Offer& a, const Offer& b) {
            if (a.family != b.family)
                return family_rank(a.family) < family_rank(b.family);
            return a.name < b.name;
        });
    }
    form_open = false;
    editing_.clear();
    if (only_active_changed)
        return show(success(std::string{tr(offer.active ? offer_activated : offer_deactivated, lang())}));
    show(success(std::string{tr(offer_saved, lang())}));
}

void Offers::set_active(const std::string& offer_id, bool active) {
    const Offer* offer = find(offer_id);
    if (!offer || !may_write() || !busy_.empty())
        return;
    Offer changed = *offer;
    changed.active = active;
    form_open = false;
    put_offer(changed, std::string{tr(saving_offer, lang())});
}

void Offers::ask_delete(const std::string& offer_id) {
    if (!find(offer_id) || !may_write())
        return;
    deleting_ = offer_id;
    delete_refusal_.clear();
    delete_dialog_open = true;
}

void Offers::confirm_delete() {
    if (deleting_.empty() || !busy_.empty() || !may_write())
        return;
    const std::string path = "/offers/" + deleting_;
    const std::string key = delete_attempt_.key_for({{"method", "DELETE"}, {"path", path}});
    busy_ = "deleting";
    notice_.reset();
    delete_refusal_.clear();
    ctx_.api.write<Done>("DELETE", path, nullptr, key, read_nothing, [this, id = deleting_](ApiResult<Done> result) {
        busy_ = {};
        if (!result.value) {
            if (!result.error.network() && result.error.status < 500)
                delete_attempt_.finished();
            if (result.error.status == 409 && result.error.code != "idempotency_key_in_use") {
                // Contracts use or used it: the server's own words, and deactivating offered.
                delete_refusal_ = !result.error.detail.empty() ? result.error.detail : result.error.title;
                return;
            }
            return show(
                failure(result.error, std::string{tr(deleting_offer, lang())}, lang(), [this] { confirm_delete(); }));
        }
        delete_attempt_.finished();
        std::erase_if(offers_, [&id](const Offer& o) { return o.offer_id == id; });
        delete_dialog_open = false;
        deleting_.clear();
        show(success(std::string{tr(offer_deleted, lang())}));
    });
}

void Offers::deactivate_instead() {
    if (deleting_.empty())
        return;
    const std::string id = deleting_;
    delete_dialog_open = false;
    deleting_.clear();
    delete_refusal_.clear();
    set_active(id, false);
}

void Offers::describe(nlohmann::json& state) const {
    nlohmann::json ids = nlohmann::json::array();
    nlohmann::json inactive = nlohmann::json::array();
    for (const Offer& o : offers_) {
        ids.push_back(o.offer_id);
        if (!o.active)
            inactive.push_back(o.offer_id);
    }
    state["offers"] = {{"offers", std::move(ids)},
                       {"inactive", std::move(inactive)},
                       {"form_open", form_open},
                       {"editing", editing_},
                       {"delete_dialog", delete_dialog_open},
                       {"deleting", deleting_},
                       {"delete_refusal", delete_refusal_},
                       {"may_write", may_write()}};
    if (form_open) {
        state["form"] = {
            {"family", form.family},     {"name", form.name},         {"monthly_price", form.monthly_price},
            {"currency", form.currency}, {"tax_rate", form.tax_rate}, {"commitment_months", form.commitment_months},
            {"active", form.active}};
        nlohmann::json errors = nlohmann::json::object();
        for (const FieldError& e : errors_)
            errors[e.field] = e.message;
        state["offers"]["errors"] = std::move(errors);
    }
}

} // namespace isp::console
