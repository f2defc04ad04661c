#include "server/store/client_store.h"

#include <string>

#include "server/store/database.h"
#include "server/store/paged_query.h"
#include "shared/domain/client_search.h"
#include "shared/wire/json_reader.h"

namespace isp::store {
namespace {

constexpr const char* select_client = "SELECT client_id, cin, first_name, last_name, phone, email, address, "
                                      "language, created_at, updated_at FROM clients ";

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
    c.updated_at = st.text(9);
    return c;
}

// A LIKE pattern that matches `fragment` anywhere (after `prefix` when given), its own
// % and _ taken literally.
std::optional<std::string> contains_pattern(std::string_view fragment, std::string prefix = "%") {
    if (fragment.empty())
        return std::nullopt; // binds NULL: matches nothing
    std::string p = std::move(prefix);
    for (char ch : fragment) {
        if (ch == '%' || ch == '_' || ch == '\\')
            p += '\\';
        p += ch;
    }
    return p + "%";
}

// ?1 = 0 lists everything; otherwise ?2 name, ?3 CIN, ?4 phone patterns. LIKE is
// case-insensitive for ASCII, which covers names typed in either case; CINs are stored
// upper case and their fragment is upper-cased (shared/domain/client_search.h).
constexpr const char* search_where =
    "WHERE (?1 = 0 OR (first_name || ' ' || last_name) LIKE ?2 ESCAPE '\\' "
    "OR (last_name || ' ' || first_name) LIKE ?2 ESCAPE '\\' OR cin LIKE ?3 ESCAPE '\\' "
    "OR phone LIKE ?4 ESCAPE '\\') ";

struct SearchBinding {
    bool searching = false;
    std::optional<std::string> name, cin, phone;
};

SearchBinding search_binding(const ClientSearchTerms* terms) {
    if (!terms)
        return {};
    return {true, contains_pattern(terms->text), contains_pattern(terms->cin_fragment),
            contains_pattern(terms->phone_fragment, terms->phone_from_start ? "+212" : "%")};
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

std::optional<Client> find_client_by_proof(Connection& c, std::string_view cin, std::string_view service_identifier) {
    // CROSS JOIN keeps this order: the line is looked up first (a unique index on live
    // lines), and the CIN is only compared on the row found. A wrong line costs the same
    // whether or not the CIN is a client's.
    auto st = c.prepare("SELECT l.client_id, l.cin, l.first_name, l.last_name, l.phone, l.email, l.address, "
                        "l.language, l.created_at, l.updated_at FROM contracts k CROSS JOIN clients l "
                        "ON l.client_id = k.client_id WHERE k.service_identifier = ?2 AND k.status <> 'terminated' "
                        "AND l.cin = ?1");
    st.bind(cin, service_identifier);
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

bool update_client(Connection& c, const Client& cl, const std::string& now) {
    c.prepare("UPDATE clients SET cin = ?2, first_name = ?3, last_name = ?4, phone = ?5, email = ?6, address = ?7, "
              "language = ?8, updated_at = ?9 WHERE client_id = ?1")
        .bind(cl.client_id, cl.cin, cl.first_name, cl.last_name, cl.phone, cl.email, cl.address,
              std::string(wire::to_string(cl.language)), now)
        .run();
    return c.changes() > 0;
}

void delete_client(Connection& c, std::string_view client_id) {
    c.prepare("DELETE FROM clients WHERE client_id = ?1").bind(client_id).run();
}

bool client_has_history(Connection& c, std::string_view client_id) {
    auto st = c.prepare("SELECT EXISTS (SELECT 1 FROM contracts WHERE client_id = ?1) "
                        "OR EXISTS (SELECT 1 FROM invoices WHERE client_id = ?1) "
                        "OR EXISTS (SELECT 1 FROM payments WHERE client_id = ?1) "
                        "OR EXISTS (SELECT 1 FROM collection_cases WHERE client_id = ?1)");
    st.bind(client_id);
    st.step();
    return st.integer(0) != 0;
}

std::int64_t count_clients(Connection& c, const ClientSearchTerms* terms) {
    const SearchBinding b = search_binding(terms);
    return count_rows(c, std::string("SELECT COUNT(*) FROM clients ") + search_where, b.searching, b.name, b.cin,
                      b.phone);
}

std::vector<Client> list_clients_page(Connection& c, const ClientSearchTerms* terms, std::int64_t limit,
                                      std::int64_t offset) {
    const SearchBinding b = search_binding(terms);
    return read_page(c, std::string(select_client) + search_where + "ORDER BY last_name, first_name, client_id", limit,
                     offset, read_client, b.searching, b.name, b.cin, b.phone);
}

} // namespace isp::store
