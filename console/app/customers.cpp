#include "console/app/customers.h"

#include <algorithm>

#include "console/i18n/console_text.h"
#include "shared/domain/cin.h"
#include "shared/wire/client_form_json.h"
#include "shared/wire/collection_case_json.h"
#include "shared/wire/contract_detail_json.h"
#include "shared/wire/contract_json.h"
#include "shared/wire/customer_notification_json.h"
#include "shared/wire/invoice_json.h"
#include "shared/wire/list_sort_param.h"
#include "shared/wire/payment_json.h"

namespace isp::console {
namespace {

using T = webapp::Translation;

const T loading_customers{"Chargement des clients", "Loading the customers"};
const T loading_customer{"Chargement du client", "Loading the customer"};
const T saving_customer{"Enregistrement du client", "Saving the customer"};
const T customer_created{"Client cr\u00e9\u00e9.", "Customer created."};
const T customer_saved{"Client enregistr\u00e9.", "Customer saved."};

// The customer's invoice as listed, with the status the server shows (overdue included).
struct ListedInvoice {
    Invoice invoice;
    std::string status;
};

ListedInvoice listed_invoice_from_json(const nlohmann::json& j) {
    return {wire::invoice_from_json(j), j.at("status").get<std::string>()};
}

// The body of POST and PUT /customers.
nlohmann::json customer_body(const ClientForm& f) {
    return {{"cin", f.cin},     {"first_name", f.first_name}, {"last_name", f.last_name}, {"phone", f.phone},
            {"email", f.email}, {"address", f.address},       {"language", f.language}};
}

// The list's order in a place's filter ("sort=-cin"); the default order for anything else.
CustomerSort customers_sort_of(std::string_view filter) {
    CustomerSort sort = default_customer_sort;
    for_each_filter_pair(filter, [&sort](std::string_view key, std::string value) {
        if (key == "sort")
            sort = wire::sort_from_param<CustomerSortKey>(value).value_or(default_customer_sort);
    });
    return sort;
}

} // namespace

void Customers::open(const Place& place) {
    form_open_ = false;
    if (place.id.empty()) {
        customer_ = {};
        ++generation_; // an open customer's late answers are not for the list
        loading_ = 0;
        if (const CustomerSort sort = customers_sort_of(place.filter); !(sort == sort_)) {
            sort_ = sort;
            page_ = 1;
            listed_ = false;
            search_pending_ = searching_; // the answer on its way is in the former order
        }
        if (!listed_ && !searching_)
            send_search();
        return;
    }
    load_customer(place.id);
}

std::string_view Customers::busy() const {
    if (saving_)
        return "saving";
    if (loading_ > 0 || searching_)
        return "loading";
    return {};
}

// --- the list ----------------------------------------------------------------------------

void Customers::search(std::string query) {
    if (query == query_ && listed_)
        return;
    query_ = std::move(query);
    page_ = 1;
    if (searching_) {
        search_pending_ = true; // asked for when the answer on its way comes
        return;
    }
    send_search();
}

void Customers::go_to_page(std::int64_t page) {
    page_ = std::max<std::int64_t>(1, page);
    if (searching_) {
        search_pending_ = true;
        return;
    }
    send_search();
}

void Customers::sort_by(const CustomerSort& sort) {
    if (sort == sort_)
        return;
    std::string filter;
    if (!(sort == default_customer_sort))
        add_filter_pair(filter, "sort", wire::to_param(sort));
    ctx_.go(Place{"customers", {}, std::move(filter)}); // open() asks for its first page
}

std::string Customers::search_path() const {
    std::string path = "/customers?page=" + std::to_string(page_) + "&sort=" + wire::to_param(sort_);
    if (!query_.empty())
        path += "&q=" + webapp::query_value(query_);
    return path;
}

void Customers::send_search() {
    searching_ = true;
    search_pending_ = false;
    asked_ = search_path();
    ctx_.api.get_page<Client>(asked_, wire::client_from_json, [this](ApiResult<Page<Client>> result) {
        searching_ = false;
        if (search_pending_ || asked_ != search_path()) {
            send_search(); // the text changed while this one was on its way: only the latest counts
            return;
        }
        if (!result.value) {
            show(failure(result.error, tr(loading_customers, lang()), lang(), [this] { send_search(); }));
            return;
        }
        customers_ = std::move(result.value->items);
        pagination_ = result.value->pagination;
        listed_ = true;
    });
}

void Customers::open_customer(const std::string& client_id) {
    ctx_.go(Place{"customers", client_id, {}});
}

// --- the customer's page -----------------------------------------------------------------

void Customers::load_customer(const std::string& client_id) {
    const std::uint64_t generation = ++generation_;
    if (customer_.client_id != client_id)
        customer_ = {};
    contracts_.clear();
    invoices_.clear();
    invoice_statuses_.clear();
    payments_.clear();
    cases_.clear();
    audit_.clear();
    notifications_.clear();
    loading_ = 6;
    const std::string id = webapp::query_value(client_id);
    const auto failed = [this, generation, client_id](const ApiError& error) {
        if (generation != generation_)
            return;
        show(failure(error, tr(loading_customer, lang()), lang(), [this, client_id] { load_customer(client_id); }));
    };
    ctx_.api.get<Client>("/customers/" + webapp::path_segment(client_id), wire::client_from_json,
                         [this, generation, failed](ApiResult<Client> result) {
                             if (generation != generation_)
                                 return;
                             if (result.value)
                                 customer_ = std::move(*result.value);
                             else
                                 failed(result.error);
                             loaded(generation);
                         });
    ctx_.api.get_page<Contract>("/contracts?per_page=100&client_id=" + id, wire::contract_from_json,
                                [this, generation, failed](ApiResult<Page<Contract>> result) {
                                    if (generation != generation_)
                                        return;
                                    if (result.value) {
                                        contracts_ = std::move(result.value->items);
                                        load_audit(generation);
                                    } else {
                                        failed(result.error);
                                    }
                                    loaded(generation);
                                });
    ctx_.api.get_page<ListedInvoice>("/invoices?per_page=100&client_id=" + id, listed_invoice_from_json,
                                     [this, generation, failed](ApiResult<Page<ListedInvoice>> result) {
                                         if (generation != generation_)
                                             return;
                                         if (result.value) {
                                             for (ListedInvoice& each : result.value->items) {
                                                 invoices_.push_back(std::move(each.invoice));
                                                 invoice_statuses_.push_back(std::move(each.status));
                                             }
                                         } else {
                                             failed(result.error);
                                         }
                                         loaded(generation);
                                     });
    ctx_.api.get_page<PaymentRecord>("/collections/payments?per_page=100&client_id=" + id,
                                     wire::payment_record_from_json,
                                     [this, generation, failed](ApiResult<Page<PaymentRecord>> result) {
                                         if (generation != generation_)
                                             return;
                                         if (result.value)
                                             payments_ = std::move(result.value->items);
                                         else
                                             failed(result.error);
                                         loaded(generation);
                                     });
    ctx_.api.get_page<CollectionCase>("/collections/cases?per_page=100&client_id=" + id,
                                      wire::collection_case_from_json,
                                      [this, generation, failed](ApiResult<Page<CollectionCase>> result) {
                                          if (generation != generation_)
                                              return;
                                          if (result.value)
                                              cases_ = std::move(result.value->items);
                                          else
                                              failed(result.error);
                                          loaded(generation);
                                      });
    ctx_.api.get_page<CustomerNotification>("/customers/" + webapp::path_segment(client_id) +
                                                "/notifications?per_page=100",
                                            wire::customer_notification_from_json,
                                            [this, generation, failed](ApiResult<Page<CustomerNotification>> result) {
                                                if (generation != generation_)
                                                    return;
                                                if (result.value)
                                                    notifications_ = std::move(result.value->items);
                                                else
                                                    failed(result.error);
                                                loaded(generation);
                                            });
}

void Customers::load_audit(std::uint64_t generation) {
    // The API keeps no audit trail of clients themselves: the customer's story is the one of
    // their contracts, read contract by contract.
    for (const Contract& k : contracts_) {
        ++loading_;
        ctx_.api.get_page<AuditRecord>(
            "/contracts/" + webapp::path_segment(k.contract_id) + "/audit?per_page=100", wire::audit_record_from_json,
            [this, generation](ApiResult<Page<AuditRecord>> result) {
                if (generation != generation_)
                    return;
                if (result.value) {
                    for (AuditRecord& each : result.value->items)
                        audit_.push_back(std::move(each));
                    std::stable_sort(audit_.begin(), audit_.end(), [](const AuditRecord& a, const AuditRecord& b) {
                        return a.entry.at > b.entry.at;
                    });
                } else if (!notice_) {
                    show(failure(result.error, tr(loading_customer, lang()), lang()));
                }
                loaded(generation);
            });
    }
}

void Customers::loaded(std::uint64_t generation) {
    if (generation == generation_ && loading_ > 0)
        --loading_;
}

void Customers::open_contract(const std::string& contract_id) {
    ctx_.go(Place{"contracts", contract_id, {}});
}

void Customers::open_invoice(const std::string& invoice_id) {
    ctx_.go(Place{"billing", invoice_id, "invoice"});
}

void Customers::open_case(const std::string& case_id) {
    ctx_.go(Place{"collections", case_id, {}});
}

void Customers::new_contract() {
    if (!has_customer() || !may_write())
        return;
    ctx_.go(Place{"contracts", {}, "provision:" + customer_.client_id});
}

// --- create and edit ---------------------------------------------------------------------

void Customers::start_create() {
    if (!may_write())
        return;
    form = {};
    form.cin = query_.empty() ? "" : (normalize_cin(query_) ? query_ : ""); // a CIN searched for and not found
    editing_id_.clear();
    form_open_ = true;
    submitted_ = false;
    server_errors_.clear();
    save_.finished();
}

void Customers::start_edit() {
    if (!may_write() || !has_customer())
        return;
    form = {customer_.cin,
            customer_.first_name,
            customer_.last_name,
            customer_.phone,
            customer_.email,
            customer_.address,
            customer_.language == Language::English ? "en" : "fr"};
    editing_id_ = customer_.client_id;
    form_open_ = true;
    submitted_ = false;
    server_errors_.clear();
    save_.finished();
}

void Customers::close_form() {
    if (saving_)
        return;
    form_open_ = false;
}

std::string Customers::field_problem(std::string_view field) const {
    for (const FieldError& e : server_errors_)
        if (e.field == field)
            return e.message;
    const ClientCheck check = check_client_form(form, lang());
    for (const FieldError& e : check.errors) {
        if (e.field != field)
            continue;
        // As typed: a field left empty is not an error until the person tries to save.
        if (!submitted_ && e.code == "required")
            return {};
        return e.message;
    }
    return {};
}

void Customers::submit_form() {
    if (saving_ || !form_open_ || !may_write())
        return;
    submitted_ = true;
    server_errors_.clear();
    if (!check_client_form(form, lang()).errors.empty())
        return; // each field says what is wrong; nothing is sent
    const nlohmann::json body = customer_body(form);
    const bool creating = editing_id_.empty();
    const std::string path = creating ? "/customers" : "/customers/" + webapp::path_segment(editing_id_);
    const std::string& key = save_.key_for({{"path", path}, {"body", body}});
    saving_ = true;
    notice_.reset();
    ctx_.api.write<Client>(
        creating ? "POST" : "PUT", path, body, key, wire::client_from_json, [this, creating](ApiResult<Client> result) {
            saving_ = false;
            if (!result.value) {
                if (!result.error.network() && result.error.status < 500)
                    save_.finished();
                server_errors_ = result.error.errors;
                show(failure(result.error, tr(saving_customer, lang()), lang(), [this] { submit_form(); }));
                return;
            }
            save_.finished();
            form_open_ = false;
            listed_ = false; // the list shows it next time
            customer_ = std::move(*result.value);
            const std::string id = customer_.client_id;
            if (creating) {
                ctx_.go(Place{"customers", id, {}});
            } else {
                load_customer(id);
            }
            show(success(std::string{tr(creating ? customer_created : customer_saved, lang())}));
        });
}

void Customers::describe(nlohmann::json& state) const {
    nlohmann::json ids = nlohmann::json::array();
    for (const Client& c : customers_)
        ids.push_back(c.client_id);
    nlohmann::json part = {{"query", query_},
                           {"sort", wire::to_param(sort_)},
                           {"ids", std::move(ids)},
                           {"page", pagination_.page},
                           {"total", pagination_.total},
                           {"total_is_lower_bound", pagination_.total_is_lower_bound},
                           {"may_write", may_write()},
                           {"form_open", form_open_}};
    if (has_customer()) {
        nlohmann::json contracts = nlohmann::json::array();
        for (const Contract& k : contracts_)
            contracts.push_back(k.contract_id);
        nlohmann::json invoices = nlohmann::json::array();
        for (const Invoice& i : invoices_)
            invoices.push_back(i.invoice_id);
        nlohmann::json cases = nlohmann::json::array();
        for (const CollectionCase& c : cases_)
            cases.push_back(c.case_id);
        nlohmann::json notifications = nlohmann::json::array();
        for (const CustomerNotification& n : notifications_)
            notifications.push_back({{"event_type", n.event_type}, {"state", n.state}, {"subject", n.subject}});
        part["customer"] = {{"client_id", customer_.client_id},
                            {"cin", customer_.cin},
                            {"contracts", std::move(contracts)},
                            {"invoices", std::move(invoices)},
                            {"payments", payments_.size()},
                            {"cases", std::move(cases)},
                            {"notifications", std::move(notifications)},
                            {"audit", audit_.size()}};
    }
    state["customers"] = std::move(part);
    if (form_open_) {
        state["form"] = {{"cin", form.cin},          {"first_name", form.first_name}, {"last_name", form.last_name},
                         {"phone", form.phone},      {"email", form.email},           {"address", form.address},
                         {"language", form.language}};
        nlohmann::json errors = nlohmann::json::object();
        for (const char* f : {"cin", "first_name", "last_name", "phone", "email", "address"})
            if (std::string p = field_problem(f); !p.empty())
                errors[f] = std::move(p);
        state["form_errors"] = std::move(errors);
    }
}

} // namespace isp::console
