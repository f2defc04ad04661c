// Clients in the database.
#pragma once
#include <optional>
#include <string_view>

#include "shared/domain/client.h"

namespace isp::store {

class Connection;

std::optional<Client> find_client(Connection& c, std::string_view client_id);
std::optional<Client> find_client_by_cin(Connection& c, std::string_view cin);
void insert_client(Connection& c, const Client& client); // created_at doubles as updated_at

} // namespace isp::store
