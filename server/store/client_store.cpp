#include "server/store/client_store.h"

#include <string>

#include "server/store/database.h"
#include "server/store/paged_query.h"
#include "shared/domain/client_search.h"
#include "shared/domain/text.h"
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

// A search as one SELECT of client rowids: a UNION of one branch per way the query can
// match (name, CIN, phone), each answered by an index (migration 9), never a read of every
// client:
//   - a fragment of 3 characters or more matches anywhere in the value, by the trigram
//     index clients_search (LIKE, ASCII case-insensitive, as the value is stored);
//   - a fragment of 1 or 2 characters matches at the start of a first name, last name, CIN
//     or national number, by a B-tree index: a trigram index cannot look up fewer than
//     three characters and would read every row, and a person typing one letter means the
//     start of a name;
//   - a phone typed with its 0 / +212 / 00212 prefix matches at the start of the number.
struct SearchQuery {
    std::string rowids;             // empty: nothing can match
    std::vector<std::string> binds; // ?1 ... ?n
};

std::string lower_ascii(std::string text) {
    for (char& ch : text)
        if (ch >= 'A' && ch <= 'Z')
            ch = static_cast<char>(ch - 'A' + 'a');
    return text;
}

SearchQuery search_query(const ClientSearchTerms& t) {
    SearchQuery q;
    std::string branches;
    const auto param = [&q](std::string value) {
        q.binds.push_back(std::move(value));
        return "?" + std::to_string(q.binds.size());
    };
    const auto add = [&branches](const std::string& branch) {
        branches += (branches.empty() ? "" : " UNION ") + branch;
    };
    const auto anywhere = [&](const char* column, const std::string& fragment) {
        // The trigram index answers LIKE only without ESCAPE; a fragment that holds a LIKE
        // wildcard (which no CIN, phone or usual name does) is matched with its wildcards
        // taken literally by a scan of the index's own text instead.
        const bool wild = fragment.find_first_of("%_") != std::string::npos;
        std::string pattern = "%";
        for (char ch : fragment) {
            if (wild && (ch == '%' || ch == '_' || ch == '\\'))
                pattern += '\\';
            pattern += ch;
        }
        pattern += '%';
        add("SELECT k.rowid FROM clients_search s JOIN clients k ON k.search_rowid = s.rowid WHERE s." +
            std::string(column) + " LIKE " + param(pattern) + (wild ? " ESCAPE '\\'" : ""));
    };
    const auto at_start = [&](const char* expression, const std::string& prefix) {
        // Every text that starts with `prefix` sorts from `prefix` (included) to `prefix`
        // with its last byte raised by one (excluded); 0xFF ends no UTF-8 text.
        std::string after = prefix;
        after.back() = static_cast<char>(static_cast<unsigned char>(after.back()) + 1);
        const std::string from = param(prefix), to = param(after);
        add(std::string("SELECT rowid FROM clients WHERE ") + expression + " >= " + from + " AND " + expression +
            " < " + to);
    };
    if (!t.text.empty()) {
        if (utf8_length(t.text) >= 3) {
            anywhere("names", t.text);
        } else {
            const std::string prefix = lower_ascii(t.text);
            at_start("lower(first_name)", prefix);
            at_start("lower(last_name)", prefix);
        }
    }
    if (!t.cin_fragment.empty()) {
        if (t.cin_fragment.size() >= 3)
            anywhere("cin", t.cin_fragment);
        else
            at_start("cin", t.cin_fragment);
    }
    if (!t.phone_fragment.empty()) {
        if (t.phone_from_start || t.phone_fragment.size() < 3)
            at_start("phone", "+212" + t.phone_fragment);
        else
            anywhere("phone", t.phone_fragment);
    }
    q.rowids = std::move(branches);
    return q;
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
    if (!terms)
        return count_rows(c, "SELECT COUNT(*) FROM clients");
    const SearchQuery q = search_query(*terms);
    if (q.rowids.empty())
        return 0;
    auto st = c.prepare("SELECT COUNT(*) FROM (" + q.rowids + ")");
    st.bind_texts(q.binds);
    st.step();
    return st.integer(0);
}

std::vector<Client> list_clients_page(Connection& c, const ClientSearchTerms* terms, std::int64_t limit,
                                      std::int64_t offset) {
    const std::string order = "ORDER BY last_name, first_name, client_id";
    if (!terms)
        return read_page(c, std::string(select_client) + order, limit, offset, read_client);
    const SearchQuery q = search_query(*terms);
    std::vector<Client> rows;
    if (q.rowids.empty())
        return rows;
    const int n = static_cast<int>(q.binds.size());
    auto st = c.prepare(std::string(select_client) + "WHERE rowid IN (" + q.rowids + ") " + order + " LIMIT ?" +
                        std::to_string(n + 1) + " OFFSET ?" + std::to_string(n + 2));
    st.bind_texts(q.binds).bind_at(n + 1, limit).bind_at(n + 2, offset);
    while (st.step())
        rows.push_back(read_client(st));
    return rows;
}

} // namespace isp::store
