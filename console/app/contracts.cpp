#include "console/app/contracts.h"

#include "console/i18n/console_text.h"
#include "shared/domain/date.h"
#include "shared/domain/service_identifier.h"
#include "shared/signup/messages.h"
#include "shared/wire/contract_detail_json.h"
#include "shared/wire/contract_document_json.h"
#include "shared/wire/contract_json.h"
#include "shared/wire/list_sort_param.h"
#include "shared/wire/offer_json.h"
#include "webapp/platform/browser.h"

namespace isp::console {
namespace {

using T = webapp::Translation;

const T loading_contracts{"Chargement des contrats", "Loading the contracts"};
const T loading_contract{"Chargement du contrat", "Loading the contract"};
const T loading_offer_choices{"Chargement des offres", "Loading the offers"};
const T provisioning{"Cr\u00e9ation du contrat", "Creating the contract"};
const T changing_contract_status{"Changement de statut", "Changing the status"};
const T changing_offer{"Changement d'offre", "Changing the offer"};
const T contract_created{"Contrat cr\u00e9\u00e9.", "Contract created."};
const T contract_status_changed{"Statut du contrat modifi\u00e9.", "Contract status changed."};
const T contract_status_scheduled{"Changement de statut programm\u00e9 : il prendra effet \u00e0 sa date.",
                                  "Status change scheduled: it takes effect on its date."};
const T cancelling_change{"Annulation du changement programm\u00e9", "Cancelling the scheduled change"};
const T scheduled_change_cancelled{"Changement programm\u00e9 annul\u00e9.", "Scheduled change cancelled."};
const T offer_changed{"Offre du contrat modifi\u00e9e.", "Contract offer changed."};
const T choose_offer{"Choisissez une offre.", "Choose an offer."};
const T date_expected{"Date attendue au format AAAA-MM-JJ.", "A date is expected, as YYYY-MM-DD."};

constexpr std::string_view provision_prefix = "provision:";
constexpr std::string_view client_prefix = "client:";

} // namespace

void Contracts::open(const Place& place) {
    provision_open_ = status_open_ = offer_open_ = false;
    load_offers();
    if (!place.id.empty())
        return load_contract(place.id);
    detail_.reset();
    ++generation_;
    loading_ = 0;
    Filter filter;
    ContractSort sort = default_contract_sort;
    if (place.filter.starts_with(provision_prefix)) {
        filter.client_id = place.filter.substr(provision_prefix.size());
        start_provision(filter.client_id);
    } else if (place.filter.starts_with(client_prefix)) {
        filter.client_id = place.filter.substr(client_prefix.size());
    } else if (parse_contract_status(place.filter)) {
        filter.status = place.filter;
    } else {
        // The list's own places: "status=suspended&service=mobile&sort=-contract_start_date".
        for_each_filter_pair(place.filter, [&filter, &sort](std::string_view key, std::string value) {
            if (key == "status")
                filter.status = std::move(value);
            else if (key == "service")
                filter.service = std::move(value);
            else if (key == "client_id")
                filter.client_id = std::move(value);
            else if (key == "offer_id")
                filter.offer_id = std::move(value);
            else if (key == "sort")
                sort = wire::sort_from_param<ContractSortKey>(value).value_or(default_contract_sort);
        });
    }
    filter_ = std::move(filter);
    sort_ = sort;
    page_ = 1;
    load_list();
}

std::string_view Contracts::busy() const {
    if (saving_)
        return "saving";
    if (loading_ > 0 || listing_)
        return "loading";
    return {};
}

// --- the list ----------------------------------------------------------------------------

void Contracts::set_filter(Filter filter) {
    go_to_list(filter, sort_);
}

void Contracts::sort_by(const ContractSort& sort) {
    if (!(sort == sort_))
        go_to_list(filter_, sort);
}

void Contracts::go_to_list(const Filter& filter, const ContractSort& sort) {
    std::string text;
    add_filter_pair(text, "status", filter.status);
    add_filter_pair(text, "service", filter.service);
    add_filter_pair(text, "client_id", filter.client_id);
    add_filter_pair(text, "offer_id", filter.offer_id);
    if (!(sort == default_contract_sort))
        add_filter_pair(text, "sort", wire::to_param(sort));
    ctx_.go(Place{"contracts", {}, std::move(text)}); // open() asks for its first page
}

void Contracts::go_to_page(std::int64_t page) {
    page_ = std::max<std::int64_t>(1, page);
    load_list();
}

void Contracts::load_list() {
    std::string path = "/contracts?page=" + std::to_string(page_) + "&sort=" + wire::to_param(sort_);
    const auto add = [&path](const char* name, const std::string& value) {
        if (!value.empty())
            path += std::string{"&"} + name + "=" + webapp::query_value(value);
    };
    add("status", filter_.status);
    add("service", filter_.service);
    add("client_id", filter_.client_id);
    add("offer_id", filter_.offer_id);
    const std::uint64_t generation = ++list_generation_; // a newer filter's answer wins
    listing_ = true;
    ctx_.api.get_page<Contract>(path, wire::contract_from_json, [this, generation](ApiResult<Page<Contract>> result) {
        if (generation != list_generation_)
            return;
        listing_ = false;
        if (!result.value)
            return show(failure(result.error, tr(loading_contracts, lang()), lang(), [this] { load_list(); }));
        contracts_ = std::move(result.value->items);
        pagination_ = result.value->pagination;
    });
}

void Contracts::load_offers() {
    if (offers_asked_)
        return;
    offers_asked_ = true;
    ctx_.api.get_page<Offer>("/offers?per_page=100", wire::offer_from_json, [this](ApiResult<Page<Offer>> result) {
        if (!result.value) {
            offers_asked_ = false; // asked again when the section opens again
            return show(failure(result.error, tr(loading_offer_choices, lang()), lang(), [this] { load_offers(); }));
        }
        offers_ = std::move(result.value->items);
    });
}

const Offer* Contracts::find_offer(const std::string& offer_id) const {
    for (const Offer& o : offers_)
        if (o.offer_id == offer_id)
            return &o;
    return nullptr;
}

void Contracts::open_contract(const std::string& contract_id) {
    ctx_.go(Place{"contracts", contract_id, {}});
}

// --- provisioning ------------------------------------------------------------------------

void Contracts::start_provision(const std::string& client_id) {
    if (!may_write())
        return;
    provision = {client_id, {}, ctx_.today, {}, {}};
    provision_open_ = true;
    server_errors_.clear();
    provision_attempt_.finished();
}

void Contracts::close_provision() {
    if (!saving_)
        provision_open_ = false;
}

std::string Contracts::provision_problem(std::string_view field) const {
    if (std::string server = server_problem(field); !server.empty())
        return server;
    if (field == "subscriber.service_identifier" && !provision.service_identifier.empty()) {
        const Offer* offer = find_offer(provision.offer_id);
        std::string code;
        if (offer && !normalize_service_identifier(offer->family, provision.service_identifier, code))
            return std::string{validation_message(code, lang())};
    }
    if (field == "contract_start_date" && !provision.contract_start_date.empty() &&
        !parse_iso_date(provision.contract_start_date))
        return std::string{tr(date_expected, lang())};
    return {};
}

void Contracts::submit_provision() {
    if (saving_ || !provision_open_ || !may_write())
        return;
    server_errors_.clear();
    if (provision.offer_id.empty()) {
        server_errors_.push_back({"offer_id", "required", std::string{tr(choose_offer, lang())}});
        return;
    }
    if (provision.service_identifier.empty()) {
        server_errors_.push_back(field_error("subscriber.service_identifier", "required", lang()));
        return;
    }
    if (!provision_problem("subscriber.service_identifier").empty() ||
        !provision_problem("contract_start_date").empty())
        return;
    nlohmann::json body = {{"client_id", provision.client_id},
                           {"offer_id", provision.offer_id},
                           {"contract_start_date", provision.contract_start_date},
                           {"subscriber", {{"service_identifier", provision.service_identifier}}}};
    if (!provision.commitment_months.empty())
        body["commitment_months"] = std::stoi(provision.commitment_months);
    const std::string& key = provision_attempt_.key_for(body);
    saving_ = true;
    notice_.reset();
    ctx_.api.write<ContractDetail>("POST", "/contracts/provision", body, key, wire::contract_detail_from_json,
                                   [this](ApiResult<ContractDetail> result) {
                                       saving_ = false;
                                       if (!result.value)
                                           return refused(
                                               result.error, tr(provisioning, lang()), [this] { submit_provision(); },
                                               provision_attempt_);
                                       provision_attempt_.finished();
                                       provision_open_ = false;
                                       const std::string id = result.value->contract.contract_id;
                                       ctx_.go(Place{"contracts", id, {}});
                                       show(success(std::string{tr(contract_created, lang())}));
                                   });
}

// --- the contract's page -----------------------------------------------------------------

void Contracts::load_contract(const std::string& contract_id) {
    const std::uint64_t generation = ++generation_;
    if (!detail_ || detail_->contract.contract_id != contract_id)
        detail_.reset();
    documents_.clear();
    audit_.clear();
    loading_ = 3;
    const std::string base = "/contracts/" + webapp::path_segment(contract_id);
    const auto done = [this, generation, contract_id](const ApiError* error) {
        if (generation != generation_)
            return false;
        --loading_;
        if (error)
            show(failure(*error, tr(loading_contract, lang()), lang(),
                         [this, contract_id] { load_contract(contract_id); }));
        return !error;
    };
    ctx_.api.get<ContractDetail>(base, wire::contract_detail_from_json, [this, done](ApiResult<ContractDetail> result) {
        if (done(result.value ? nullptr : &result.error))
            detail_ = std::move(*result.value);
    });
    ctx_.api.get<std::vector<DocumentVersion>>(base + "/documents", wire::contract_documents_from_json,
                                               [this, done](ApiResult<std::vector<DocumentVersion>> result) {
                                                   if (done(result.value ? nullptr : &result.error))
                                                       documents_ = std::move(*result.value);
                                               });
    ctx_.api.get_page<AuditRecord>(base + "/audit?per_page=100", wire::audit_record_from_json,
                                   [this, done](ApiResult<Page<AuditRecord>> result) {
                                       if (done(result.value ? nullptr : &result.error))
                                           audit_ = std::move(result.value->items);
                                   });
}

void Contracts::open_customer() {
    if (detail_)
        ctx_.go(Place{"customers", detail_->contract.client_id, {}});
}

std::string Contracts::document_url(int version) const {
    if (!detail_)
        return {};
    return ctx_.api.document_url("/contracts/" + webapp::path_segment(detail_->contract.contract_id) + "/documents/" +
                                 std::to_string(version));
}

void Contracts::open_document(int version) {
    if (detail_)
        webapp::platform::open_document(document_url(version));
}

std::vector<ContractStatus> Contracts::next_statuses() const {
    if (!detail_)
        return {};
    switch (detail_->contract.status) {
    case ContractStatus::Active: return {ContractStatus::Suspended, ContractStatus::Terminated};
    case ContractStatus::Suspended: return {ContractStatus::Active, ContractStatus::Terminated};
    case ContractStatus::Terminated: return {};
    }
    return {};
}

void Contracts::start_status_change(ContractStatus status) {
    if (!may_write() || !detail_)
        return;
    status_change = {status, ctx_.today, {}};
    status_open_ = true;
    server_errors_.clear();
    status_attempt_.finished();
}

void Contracts::close_status_change() {
    if (!saving_)
        status_open_ = false;
}

void Contracts::submit_status_change() {
    if (saving_ || !status_open_ || !detail_ || !may_write())
        return;
    server_errors_.clear();
    nlohmann::json body = {{"status", std::string{to_string(status_change.status)}}, {"reason", status_change.reason}};
    if (!status_change.effective_date.empty()) {
        if (!parse_iso_date(status_change.effective_date)) {
            server_errors_.push_back({"effective_date", "invalid_date", std::string{tr(date_expected, lang())}});
            return;
        }
        body["effective_date"] = status_change.effective_date;
    }
    const std::string path = "/contracts/" + webapp::path_segment(detail_->contract.contract_id) + "/status";
    const std::string& key = status_attempt_.key_for({{"path", path}, {"body", body}});
    saving_ = true;
    notice_.reset();
    ctx_.api.write<ContractDetail>("PUT", path, body, key, wire::contract_detail_from_json,
                                   [this](ApiResult<ContractDetail> result) {
                                       saving_ = false;
                                       if (!result.value)
                                           return refused(
                                               result.error, tr(changing_contract_status, lang()),
                                               [this] { submit_status_change(); }, status_attempt_);
                                       status_attempt_.finished();
                                       status_open_ = false;
                                       // Dated later, the contract keeps its status and lists the change.
                                       const bool made = result.value->contract.status == status_change.status;
                                       changed(std::move(*result.value), made ? tr(contract_status_changed, lang())
                                                                              : tr(contract_status_scheduled, lang()));
                                   });
}

void Contracts::cancel_scheduled_change(const std::string& change_id) {
    if (saving_ || !detail_ || !may_write())
        return;
    const std::string path = "/contracts/" + webapp::path_segment(detail_->contract.contract_id) +
                             "/scheduled-changes/" + webapp::path_segment(change_id);
    const std::string& key = cancel_attempt_.key_for({{"method", "DELETE"}, {"path", path}});
    saving_ = true;
    notice_.reset();
    ctx_.api.write<ContractDetail>("DELETE", path, nullptr, key, wire::contract_detail_from_json,
                                   [this, change_id](ApiResult<ContractDetail> result) {
                                       saving_ = false;
                                       if (!result.value)
                                           return refused(
                                               result.error, tr(cancelling_change, lang()),
                                               [this, change_id] { cancel_scheduled_change(change_id); },
                                               cancel_attempt_);
                                       cancel_attempt_.finished();
                                       changed(std::move(*result.value), tr(scheduled_change_cancelled, lang()));
                                   });
}

std::vector<const Offer*> Contracts::offer_choices() const {
    std::vector<const Offer*> out;
    if (!detail_)
        return out;
    const Offer* current = find_offer(detail_->contract.offer_id);
    const std::optional<ServiceFamily> family = detail_->offer ? std::optional{detail_->offer->family}
                                                : current      ? std::optional{current->family}
                                                               : std::nullopt;
    for (const Offer& o : offers_)
        if (o.active && o.offer_id != detail_->contract.offer_id && (!family || o.family == *family))
            out.push_back(&o);
    return out;
}

void Contracts::start_offer_change() {
    if (!may_write() || !detail_)
        return;
    offer_change = {{}, ctx_.today};
    offer_open_ = true;
    server_errors_.clear();
    offer_attempt_.finished();
}

void Contracts::close_offer_change() {
    if (!saving_)
        offer_open_ = false;
}

void Contracts::submit_offer_change() {
    if (saving_ || !offer_open_ || !detail_ || !may_write())
        return;
    server_errors_.clear();
    if (offer_change.offer_id.empty()) {
        server_errors_.push_back({"offer_id", "required", std::string{tr(choose_offer, lang())}});
        return;
    }
    nlohmann::json body = {{"offer_id", offer_change.offer_id}};
    if (!offer_change.effective_date.empty()) {
        if (!parse_iso_date(offer_change.effective_date)) {
            server_errors_.push_back({"effective_date", "invalid_date", std::string{tr(date_expected, lang())}});
            return;
        }
        body["effective_date"] = offer_change.effective_date;
    }
    const std::string path = "/contracts/" + webapp::path_segment(detail_->contract.contract_id) + "/offer";
    const std::string& key = offer_attempt_.key_for({{"path", path}, {"body", body}});
    saving_ = true;
    notice_.reset();
    ctx_.api.write<ContractDetail>(
        "PUT", path, body, key, wire::contract_detail_from_json, [this](ApiResult<ContractDetail> result) {
            saving_ = false;
            if (!result.value)
                return refused(
                    result.error, tr(changing_offer, lang()), [this] { submit_offer_change(); }, offer_attempt_);
            offer_attempt_.finished();
            offer_open_ = false;
            changed(std::move(*result.value), tr(offer_changed, lang()));
        });
}

void Contracts::changed(ContractDetail detail, std::string_view done) {
    const std::string id = detail.contract.contract_id;
    detail_ = std::move(detail);
    load_contract(id); // its documents and audit trail have a new entry
    show(success(std::string{done}));
}

void Contracts::refused(const ApiError& error, std::string_view what, std::function<void()> retry,
                        WriteAttempt& attempt) {
    // A network failure or a server fault may have done it: the retry keeps the key. A refusal
    // did nothing: what is sent next is a new write.
    if (!error.network() && error.status < 500 && error.code != "idempotency_key_in_use")
        attempt.finished();
    server_errors_ = error.errors;
    show(failure(error, what, lang(), std::move(retry)));
}

std::string Contracts::server_problem(std::string_view field) const {
    for (const FieldError& e : server_errors_)
        if (e.field == field)
            return e.message;
    return {};
}

void Contracts::describe(nlohmann::json& state) const {
    nlohmann::json ids = nlohmann::json::array();
    for (const Contract& k : contracts_)
        ids.push_back(k.contract_id);
    nlohmann::json part = {{"ids", std::move(ids)},
                           {"sort", wire::to_param(sort_)},
                           {"page", pagination_.page},
                           {"total", pagination_.total},
                           {"filter",
                            {{"status", filter_.status},
                             {"service", filter_.service},
                             {"client_id", filter_.client_id},
                             {"offer_id", filter_.offer_id}}},
                           {"may_write", may_write()},
                           {"dialog", provision_open_ ? "provision"
                                      : status_open_  ? "status"
                                      : offer_open_   ? "offer"
                                                      : ""}};
    if (detail_) {
        nlohmann::json versions = nlohmann::json::array();
        for (const DocumentVersion& v : documents_)
            versions.push_back(v.version);
        nlohmann::json scheduled = nlohmann::json::array();
        for (const ScheduledChange& c : detail_->scheduled_changes)
            scheduled.push_back({{"change_id", c.change_id},
                                 {"kind", std::string{to_string(c.kind)}},
                                 {"status", std::string{to_string(c.status)}},
                                 {"offer_id", c.offer_id},
                                 {"effective_date", c.effective_date.to_iso()}});
        part["contract"] = {{"contract_id", detail_->contract.contract_id},
                            {"contract_number", detail_->contract.contract_number},
                            {"status", std::string{to_string(detail_->contract.status)}},
                            {"offer_id", detail_->contract.offer_id},
                            {"scheduled_changes", scheduled},
                            {"documents", std::move(versions)},
                            {"audit", audit_.size()}};
    }
    state["contracts"] = std::move(part);
    if (provision_open_)
        state["form"] = {{"offer_id", provision.offer_id},
                         {"contract_start_date", provision.contract_start_date},
                         {"service_identifier", provision.service_identifier},
                         {"commitment_months", provision.commitment_months}};
    else if (status_open_)
        state["form"] = {{"status", std::string{to_string(status_change.status)}},
                         {"effective_date", status_change.effective_date},
                         {"reason", status_change.reason}};
    else if (offer_open_)
        state["form"] = {{"offer_id", offer_change.offer_id}, {"effective_date", offer_change.effective_date}};
}

} // namespace isp::console
