#include "server/services/customer_service.h"

#include <algorithm>

#include "server/clock/clock.h"
#include "server/security/random_id.h"
#include "server/services/failure.h"
#include "server/services/service_context.h"
#include "server/store/client_store.h"
#include "server/store/database.h"
#include "shared/domain/client_search.h"

namespace isp::services {
namespace {

Failure customer_not_found(const std::string& id) {
    return Failure(FailureKind::NotFound, "customer_not_found", "No customer " + id + ".");
}

// Checked inside the write's transaction, so two staff members cannot register one CIN twice.
void refuse_taken_cin(store::Connection& c, const Client& client) {
    const auto owner = store::find_client_by_cin(c, client.cin);
    if (owner && owner->client_id != client.client_id)
        throw Failure(FailureKind::Conflict, "cin_already_registered",
                      "Customer " + owner->client_id + " already has CIN " + client.cin + ".",
                      {{"cin", "cin_already_registered", "This CIN belongs to another customer."}});
}

} // namespace

Client create_customer(ServiceContext& context, Client client) {
    return context.db.write([&](store::Connection& c) { return create_customer(c, context, std::move(client)); });
}

Client create_customer(store::Connection& c, ServiceContext& context, Client client) {
    client.client_id = security::new_id("cli_", 10);
    client.created_at = context.clock.now_iso();
    client.updated_at = client.created_at;
    refuse_taken_cin(c, client);
    store::insert_client(c, client);
    return client;
}

Client get_customer(ServiceContext& context, const std::string& client_id) {
    auto client = context.db.read([&](store::Connection& c) { return store::find_client(c, client_id); });
    if (!client)
        throw customer_not_found(client_id);
    return *client;
}

Client replace_customer(ServiceContext& context, Client client) {
    const std::string now = context.clock.now_iso();
    return context.db.write([&](store::Connection& c) {
        const auto existing = store::find_client(c, client.client_id);
        if (!existing)
            throw customer_not_found(client.client_id);
        refuse_taken_cin(c, client);
        store::update_client(c, client, now);
        client.created_at = existing->created_at;
        client.updated_at = now;
        return client;
    });
}

void remove_customer(ServiceContext& context, const std::string& client_id) {
    context.db.write([&](store::Connection& c) {
        if (!store::find_client(c, client_id))
            throw customer_not_found(client_id);
        // In the delete's own transaction: no contract or invoice can appear in between.
        if (store::client_has_history(c, client_id))
            throw Failure(FailureKind::Conflict, "customer_delete_blocked",
                          "This customer has contracts, invoices, payments or collection cases; their history "
                          "must stay, so the customer cannot be deleted.");
        store::delete_client(c, client_id);
    });
}

CustomerPage find_customers(ServiceContext& context, const std::string& query, const CustomerSort& sort,
                            std::int64_t limit, std::int64_t offset) {
    const ClientSearchTerms terms = client_search_terms(query);
    return context.db.read([&](store::Connection& c) {
        CustomerPage page;
        if (terms.text.empty()) {
            page.total = store::count_clients(c);
            page.clients = store::list_clients_page(c, sort, limit, offset);
            return page;
        }
        auto found = store::search_clients_page(c, terms, sort, limit, offset, search_count_cap);
        page.clients = std::move(found.clients);
        const auto listed = offset + static_cast<std::int64_t>(page.clients.size());
        if (found.matches <= search_count_cap) {
            page.total = found.matches;
        } else if (!page.clients.empty() && static_cast<std::int64_t>(page.clients.size()) < limit) {
            page.total = listed; // the last page: every match is before its end
        } else {
            page.total = std::max(search_count_cap, listed);
            page.total_is_lower_bound = true;
        }
        return page;
    });
}

} // namespace isp::services
