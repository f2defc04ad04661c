#include "server/store/client_store.h"

#include <algorithm>
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

// A search (GET /customers?q=), each way the query can match (name, CIN, phone) answered by
// an index (migrations 9 and 10), never a read of every client:
//   - a fragment of 3 characters or more matches anywhere in the value, by the trigram
//     index clients_search, as an FTS5 phrase (MATCH): the index alone answers it. (LIKE on
//     the same index re-read every candidate's text: 40 ms for the 2,000 "amina".) A
//     phrase is matched as written, LIKE wildcards included; case is folded as the trigram
//     tokenizer folds it (Unicode, where LIKE folded ASCII only: "ÉLODIE" finds Élodie too);
//   - a fragment of 1 or 2 characters matches at the start of a first name, last name, CIN
//     or national number, by a B-tree index: a trigram index cannot look up fewer than
//     three characters and would read every row, and a person typing one letter means the
//     start of a name;
//   - a phone typed with its 0 / +212 / 00212 prefix matches at the start of the number.
// Each way is written twice: as a SELECT of matching client rowids (`rowid_branches`: to
// count, and to read and sort a few hundred matches) and as a test of one clients row
// (`row_tests`: to walk the clients in name order and stop after the page).
struct ClientSearchSql {
    std::vector<std::string> rowid_branches;
    std::vector<std::string> row_tests;
    std::vector<std::string> binds; // ?1 ... ?n
};

std::string lower_ascii(std::string text) {
    for (char& ch : text)
        if (ch >= 'A' && ch <= 'Z')
            ch = static_cast<char>(ch - 'A' + 'a');
    return text;
}

// `text` as one FTS5 phrase: between double quotes, its own double quotes doubled; nothing
// inside a phrase is query syntax.
std::string fts_phrase(const std::string& text) {
    std::string out = "\"";
    for (char ch : text) {
        out += ch;
        if (ch == '"')
            out += '"';
    }
    return out + '"';
}

ClientSearchSql client_search_sql(const ClientSearchTerms& t) {
    ClientSearchSql q;
    const auto param = [&q](std::string value) {
        q.binds.push_back(std::move(value));
        return "?" + std::to_string(q.binds.size());
    };
    const auto anywhere = [&](const char* column, const std::string& fragment) {
        const std::string phrase = param(fts_phrase(fragment));
        q.rowid_branches.push_back(
            "SELECT k.rowid AS r FROM clients_search s JOIN clients k ON k.search_rowid = s.rowid "
            "WHERE s." +
            std::string(column) + " MATCH " + phrase);
        q.row_tests.push_back("search_rowid IN (SELECT rowid FROM clients_search WHERE clients_search." +
                              std::string(column) + " MATCH " + phrase + ")");
    };
    const auto at_start = [&](const char* expression, const std::string& prefix) {
        // Every text that starts with `prefix` sorts from `prefix` (included) to `prefix`
        // with its last byte raised by one (excluded); 0xFF ends no UTF-8 text.
        std::string after = prefix;
        after.back() = static_cast<char>(static_cast<unsigned char>(after.back()) + 1);
        const std::string from = param(prefix), to = param(after);
        const std::string range = std::string(expression) + " >= " + from + " AND " + expression + " < " + to;
        q.rowid_branches.push_back("SELECT rowid AS r FROM clients WHERE " + range);
        q.row_tests.push_back("(" + range + ")");
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
    return q;
}

// Past this many matches a search's page walks the clients in name order instead of
// sorting its matches: at one match in twenty or more, the page is found early in the walk.
constexpr std::int64_t client_walk_threshold = 5000;

std::string joined_sql(const std::vector<std::string>& parts, const char* separator) {
    std::string out;
    for (const std::string& p : parts)
        out += (out.empty() ? "" : separator) + p;
    return out;
}

// The ORDER BY of each customer sort, the id last (indexes: migrations 9 and 10).
std::string customer_order_by(const CustomerSort& sort) {
    const bool d = sort.descending;
    switch (sort.key) {
    case CustomerSortKey::LastName: return order_by({"last_name", "first_name", "client_id"}, d);
    case CustomerSortKey::FirstName: return order_by({"first_name", "last_name", "client_id"}, d);
    case CustomerSortKey::Cin: return order_by({"cin", "client_id"}, d);
    case CustomerSortKey::Phone: return order_by({"phone", "client_id"}, d);
    case CustomerSortKey::Email: return order_by({"email", "client_id"}, d);
    case CustomerSortKey::CreatedAt: return order_by({"created_at", "client_id"}, d);
    }
    return order_by({"client_id"}, d);
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

std::int64_t count_clients(Connection& c) {
    return count_rows(c, "SELECT COUNT(*) FROM clients");
}

std::vector<Client> list_clients_page(Connection& c, const CustomerSort& sort, std::int64_t limit,
                                      std::int64_t offset) {
    return read_page(c, std::string(select_client) + customer_order_by(sort), limit, offset, read_client);
}

ClientSearchPage search_clients_page(Connection& c, const ClientSearchTerms& terms, const CustomerSort& sort,
                                     std::int64_t limit, std::int64_t offset, std::int64_t count_cap) {
    ClientSearchPage out;
    const ClientSearchSql q = client_search_sql(terms);
    if (q.rowid_branches.empty())
        return out;
    const int n = static_cast<int>(q.binds.size());
    const std::string limit_offset = " LIMIT ?" + std::to_string(n + 1) + " OFFSET ?" + std::to_string(n + 2);
    const std::string matches = joined_sql(q.rowid_branches, " UNION ALL ");

    // Counted as the branches produce matches, and stopped past what the caller and the
    // choice below need: a common prefix ("b", "06") matches tens of thousands of clients,
    // and counting them all cost more than the page.
    const std::int64_t counted_up_to = std::max(count_cap, client_walk_threshold);
    auto count = c.prepare("SELECT COUNT(*) FROM (SELECT DISTINCT r FROM (" + matches + ") LIMIT ?" +
                           std::to_string(n + 1) + ")");
    count.bind_texts(q.binds).bind_at(n + 1, counted_up_to + 1);
    count.step();
    out.matches = std::min(count.integer(0), count_cap + 1);
    if (out.matches == 0)
        return out;

    std::string page_sql;
    if (count.integer(0) <= client_walk_threshold || sort.key != CustomerSortKey::LastName) {
        // Up to a few thousand matches: read them and sort them. A walk in name order could
        // pass most clients before finding them: the 2,000 Zianis are at its end (over
        // 100,000 clients, walking to them took 3 times as long as sorting them).
        page_sql = std::string(select_client) + "WHERE rowid IN (" + matches + ") " + customer_order_by(sort);
    } else {
        // More: walk the clients in name order (either way) and stop after the page;
        // the walked index holds every value a test reads, so a client that does not match
        // costs an index entry, not a row. Sorting the matches instead read every one of
        // them (66,000 for "06": 170 ms).
        page_sql = std::string(select_client) + "INDEXED BY clients_by_name_search WHERE " +
                   joined_sql(q.row_tests, " OR ") + " " + customer_order_by(sort);
    }
    auto page = c.prepare(page_sql + limit_offset);
    page.bind_texts(q.binds).bind_at(n + 1, limit).bind_at(n + 2, offset);
    while (page.step())
        out.clients.push_back(read_client(page));
    return out;
}

} // namespace isp::store
