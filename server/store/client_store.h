// Clients in the database.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/domain/client.h"
#include "shared/domain/list_sort.h"

namespace isp {
struct ClientSearchTerms;
}

namespace isp::store {

class Connection;

std::optional<Client> find_client(Connection& c, std::string_view client_id);
std::optional<Client> find_client_by_cin(Connection& c, std::string_view cin);
// The client whose CIN is `cin` and who has a live contract on `service_identifier` (both
// normalized): the proof of identity of the public side. Looks the line up first.
std::optional<Client> find_client_by_proof(Connection& c, std::string_view cin, std::string_view service_identifier);
void insert_client(Connection& c, const Client& client); // created_at doubles as updated_at

// Staff customer management (process map P3).
bool update_client(Connection& c, const Client& client, const std::string& now); // false: no such client
void delete_client(Connection& c, std::string_view client_id);
// True once a contract, invoice, payment or collection case names the client: its
// history must stay readable, so the client cannot be deleted.
bool client_has_history(Connection& c, std::string_view client_id);
// Every client, and a page of them in `sort`'s order.
std::int64_t count_clients(Connection& c);
std::vector<Client> list_clients_page(Connection& c, const CustomerSort& sort, std::int64_t limit, std::int64_t offset);

// A page of the clients a search matches, in `sort`'s order, and how many match: counted up
// to count_cap + 1 only (more than count_cap: at least that many).
struct ClientSearchPage {
    std::vector<Client> clients;
    std::int64_t matches = 0;
};
ClientSearchPage search_clients_page(Connection& c, const ClientSearchTerms& terms, const CustomerSort& sort,
                                     std::int64_t limit, std::int64_t offset, std::int64_t count_cap);

} // namespace isp::store
