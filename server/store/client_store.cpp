#include "server/store/client_store.h"

#include <string>

#include "server/store/database.h"
#include "shared/wire/json_reader.h"

namespace isp::store {
namespace {

constexpr const char* select_client =
    "SELECT client_id, cin, first_name, last_name, phone, email, address, language, created_at FROM clients ";

Client read_client(const Statement& st) {
    Client c;
    c.client_id = st.text(0);
    c.cin = st.text(1);
    c.first_name = st.text(2);
    c.last_name = st.text(3);
    c.phone = st.text(4);
    c.email = st.text(5);
    c.address = st.text(6);
    c.language = wire::parse_language(st.text(7));
    c.created_at = st.text(8);
    return c;
}

} // namespace

std::optional<Client> find_client(Connection& c, std::string_view client_id) {
    auto st = c.prepare(std::string(select_client) + "WHERE client_id = ?1");
    st.bind(client_id);
    if (!st.step())
        return std::nullopt;
    return read_client(st);
}

std::optional<Client> find_client_by_cin(Connection& c, std::string_view cin) {
    auto st = c.prepare(std::string(select_client) + "WHERE cin = ?1");
    st.bind(cin);
    if (!st.step())
        return std::nullopt;
    return read_client(st);
}

void insert_client(Connection& c, const Client& cl) {
    c.prepare("INSERT INTO clients (client_id, cin, first_name, last_name, phone, email, address, language, "
              "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)")
        .bind(cl.client_id, cl.cin, cl.first_name, cl.last_name, cl.phone, cl.email, cl.address,
              std::string(wire::to_string(cl.language)), cl.created_at)
        .run();
}

} // namespace isp::store
