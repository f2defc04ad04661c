// Clients in the database.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/domain/client.h"

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
// Clients matching the search (all when `terms` is null), by last name, first name, id.
std::int64_t count_clients(Connection& c, const ClientSearchTerms* terms);
std::vector<Client> list_clients_page(Connection& c, const ClientSearchTerms* terms, std::int64_t limit,
                                      std::int64_t offset);

} // namespace isp::store
