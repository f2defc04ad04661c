// Staff customer management (process map P3): clients created, searched, read, replaced
// and deleted by operators. Same field rules as the landing signup
// (shared/signup/client_form.h); CIN unique (409 `cin_already_registered`); a client
// with history (contract, invoice, payment, collection case) cannot be deleted (409
// `customer_delete_blocked`), so what was billed stays traceable to a person.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "shared/domain/client.h"
#include "shared/domain/list_sort.h"

namespace isp::store {
class Connection;
}

namespace isp::services {
struct ServiceContext;

Client create_customer(ServiceContext& context, Client client); // 409 cin_already_registered
// The same inside the caller's write transaction (the idempotency guard's).
Client create_customer(store::Connection& c, ServiceContext& context, Client client);
Client get_customer(ServiceContext& context, const std::string& client_id);  // 404 customer_not_found
Client replace_customer(ServiceContext& context, Client client);             // 404, 409 cin_already_registered
void remove_customer(ServiceContext& context, const std::string& client_id); // 404, 409 customer_delete_blocked

// A search counts its matches up to this many only: past it the count says "at least", and
// the person types more rather than read a thousand names.
inline constexpr std::int64_t search_count_cap = 1000;

struct CustomerPage {
    std::int64_t total = 0;
    bool total_is_lower_bound = false; // a search with more than search_count_cap matches
    std::vector<Client> clients;
};
// `query` empty: every client (counted exactly). Otherwise clients whose name, CIN or phone
// contains it, normalised as those are stored (shared/domain/client_search.h). In `sort`'s
// order (default_customer_sort: last name, first name, id).
CustomerPage find_customers(ServiceContext& context, const std::string& query, const CustomerSort& sort,
                            std::int64_t limit, std::int64_t offset);

} // namespace isp::services
