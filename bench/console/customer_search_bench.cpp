// Customer search benchmark (staff console, search as you type): N customers (default
// 100,000, the bulk contracts of bench/billing with realistic names, CINs and mobile
// numbers), then what a person types into the console's search box - the first 1..8
// characters of a last name, of "first last", of a CIN (lower case) and of a mobile number
// as written at home ("06 12 34 ...") - for M customers picked at random (default 25).
// Each prefix is one GET /api/v1/customers?q= page (20 rows and the total, counted up to
// 1,000) through services::find_customers, the route's own call, in the default order. Prints
// p50, p99 and max per kind and overall, next to references from the same run and file: the
// same searches as the store ran them with migration 9 (trigram LIKE, every match counted
// and sorted), as it ran them before migration 9 (a LIKE scan over every client), and an
// exact CIN lookup (the floor of one indexed read). Target: p99 under 30 ms.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "server/clock/clock.h"
#include "server/config/server_config.h"
#include "server/demo/bulk_contracts.h"
#include "server/security/signed_token.h"
#include "server/services/contract_documents.h"
#include "server/services/customer_service.h"
#include "server/services/invoice_documents.h"
#include "server/services/service_context.h"
#include "server/store/client_store.h"
#include "server/store/database.h"
#include "server/store/secret_store.h"
#include "shared/domain/client_search.h"
#include "shared/domain/text.h"

namespace {

using Millis = std::chrono::duration<double, std::milli>;

const char* const first_names[] = {
    "Amina",  "Youssef",  "Fatima", "Mohamed",    "Khadija", "Omar",    "Salma",   "Hicham", "Imane", "Karim",
    "Nadia",  "Rachid",   "Leila",  "Said",       "Zineb",   "Mehdi",   "Hajar",   "Anas",   "Sara",  "Yassine",
    "Meryem", "Adil",     "Ghita",  "Hamza",      "Nora",    "Ilyas",   "Kenza",   "Ayoub",  "Houda", "Reda",
    "Hélène", "Pierre",   "Claire", "Jean",       "Sophie",  "Marc",    "Chaïma",  "Brahim", "Souad", "Driss",
    "Latifa", "Mustapha", "Siham",  "Abdelkader", "Wiam",    "Othmane", "Yasmine", "Nabil",  "Asmae", "Tarik"};
const char* const last_names[] = {
    "El Idrissi", "Benali",     "Alaoui",   "Bennani",   "Tazi",      "Berrada", "Chraibi",   "El Amrani",   "Fassi",
    "Lahlou",     "Benjelloun", "Ouazzani", "Sqalli",    "Kettani",   "Naciri",  "Benkirane", "El Fassi",    "Bouzid",
    "Amrani",     "Haddad",     "Ziani",    "Mansouri",  "Cherkaoui", "Slaoui",  "Bouchta",   "El Mansouri", "Rami",
    "Jabri",      "Moussaoui",  "Belhaj",   "Tahiri",    "Kabbaj",    "Lamrani", "Sebti",     "Zouiten",     "Filali",
    "Hajji",      "Idrissi",    "Boukhari", "Essaidi",   "François",  "Martin",  "Dubois",    "Lefèvre",     "Moreau",
    "Garcia",     "Benmoussa",  "Ait Ali",  "Ait Taleb", "Ouali"};

std::uint64_t next(std::uint64_t& state) { // splitmix64: the same data set on every run
    state += 0x9E3779B97F4A7C15ull;
    std::uint64_t z = state;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

struct Person {
    std::string first, last, cin, phone;
};

// Names, CINs (one or two letters, six digits) and mobile numbers (+2126/7, eight digits)
// for the bulk clients; CINs and numbers unique (bijections of the index).
std::vector<Person> give_names(isp::store::Database& db, int count) {
    std::vector<Person> people;
    std::uint64_t rng = 20261123;
    db.write([&](isp::store::Connection& c) {
        char cin[16], phone[24], id[32];
        for (int i = 1; i <= count; ++i) {
            Person p;
            p.first = first_names[next(rng) % std::size(first_names)];
            p.last = last_names[next(rng) % std::size(last_names)];
            const char l1 = static_cast<char>('A' + next(rng) % 26);
            const char l2 = static_cast<char>('A' + next(rng) % 26);
            const long digits = (static_cast<long>(i) * 104729L + 12345L) % 1000000L;
            if (next(rng) % 2)
                std::snprintf(cin, sizeof cin, "%c%c%06ld", l1, l2, digits);
            else
                std::snprintf(cin, sizeof cin, "%c%06ld", l1, digits);
            std::snprintf(phone, sizeof phone, "+212%d%08ld", next(rng) % 3 ? 6 : 7,
                          (static_cast<long>(i) * 7919L + 4242L) % 100000000L);
            std::snprintf(id, sizeof id, "cli_bulk_%07d", i);
            p.cin = cin;
            p.phone = phone;
            c.prepare("UPDATE clients SET first_name = ?2, last_name = ?3, cin = ?4, phone = ?5 WHERE client_id = ?1")
                .bind(id, p.first, p.last, p.cin, p.phone)
                .run();
            people.push_back(std::move(p));
        }
    });
    return people;
}

std::string lower_ascii(std::string s) {
    for (char& ch : s)
        if (ch >= 'A' && ch <= 'Z')
            ch = static_cast<char>(ch - 'A' + 'a');
    return s;
}

// "+212612345678" as people write it: "06 12 34 56 78".
std::string national(const std::string& e164) {
    const std::string n = "0" + e164.substr(4);
    return n.substr(0, 2) + " " + n.substr(2, 2) + " " + n.substr(4, 2) + " " + n.substr(6, 2) + " " + n.substr(8);
}

// The first 1..8 characters (UTF-8 code points) of `text`, trailing spaces dropped (the
// server trims them: they are the same search).
std::vector<std::string> prefixes(const std::string& text) {
    std::vector<std::string> out;
    std::size_t end = 0;
    for (int n = 1; n <= 8 && end < text.size(); ++n) {
        ++end;
        while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
            ++end;
        std::string p = text.substr(0, end);
        if (p.back() != ' ' && (out.empty() || out.back() != p))
            out.push_back(p);
    }
    return out;
}

struct Figures {
    double p50 = 0, p99 = 0, max = 0;
    std::size_t n = 0;
};

Figures figures(std::vector<double> ms) {
    Figures f;
    if (ms.empty())
        return f;
    std::sort(ms.begin(), ms.end());
    const auto at = [&ms](double q) {
        return ms[std::min(ms.size() - 1, static_cast<std::size_t>(q * static_cast<double>(ms.size() - 1) + 0.5))];
    };
    f.p50 = at(0.50);
    f.p99 = at(0.99);
    f.max = ms.back();
    f.n = ms.size();
    return f;
}

void print(const char* label, const Figures& f) {
    std::printf("  %-30s n=%4zu  p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms\n", label, f.n, f.p50, f.p99, f.max);
}

// The store's search as it was before migration 9: a LIKE over every client, counted,
// then sorted for the page (the reference this bench was written to beat).
std::int64_t search_by_scan(isp::store::Database& db, const std::string& q) {
    const isp::ClientSearchTerms t = isp::client_search_terms(q);
    const auto pattern = [](const std::string& fragment, const char* prefix) -> std::optional<std::string> {
        if (fragment.empty())
            return std::nullopt;
        std::string p = prefix;
        for (char ch : fragment) {
            if (ch == '%' || ch == '_' || ch == '\\')
                p += '\\';
            p += ch;
        }
        return p + "%";
    };
    const auto name = pattern(t.text, "%"), cin = pattern(t.cin_fragment, "%"),
               phone = pattern(t.phone_fragment, t.phone_from_start ? "+212" : "%");
    const std::string where = "WHERE (first_name || ' ' || last_name) LIKE ?1 ESCAPE '\\' "
                              "OR (last_name || ' ' || first_name) LIKE ?1 ESCAPE '\\' OR cin LIKE ?2 ESCAPE '\\' "
                              "OR phone LIKE ?3 ESCAPE '\\' ";
    return db.read([&](isp::store::Connection& c) {
        auto count = c.prepare("SELECT COUNT(*) FROM clients " + where);
        count.bind(name, cin, phone);
        count.step();
        const std::int64_t total = count.integer(0);
        auto page = c.prepare("SELECT client_id, cin, first_name, last_name, phone, email, address, language, "
                              "created_at, updated_at FROM clients " +
                              where + "ORDER BY last_name, first_name, client_id LIMIT 20 OFFSET 0");
        page.bind(name, cin, phone);
        while (page.step()) {
        }
        return total;
    });
}

// The store's search as migration 9 shipped it (issue #13's starting point): a UNION of
// rowids per way to match (trigram LIKE for 3 characters or more, index ranges for 1 or 2),
// every match counted, then every match read and sorted for the page.
std::int64_t search_as_migration_9(isp::store::Database& db, const std::string& query) {
    const isp::ClientSearchTerms t = isp::client_search_terms(query);
    if (t.text.empty())
        return 0;
    std::vector<std::string> binds;
    std::string branches;
    const auto param = [&binds](std::string value) {
        binds.push_back(std::move(value));
        return "?" + std::to_string(binds.size());
    };
    const auto add = [&branches](const std::string& branch) {
        branches += (branches.empty() ? "" : " UNION ") + branch;
    };
    const auto anywhere = [&](const char* column, const std::string& fragment) {
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
        std::string after = prefix;
        after.back() = static_cast<char>(static_cast<unsigned char>(after.back()) + 1);
        const std::string from = param(prefix), to = param(after);
        add(std::string("SELECT rowid FROM clients WHERE ") + expression + " >= " + from + " AND " + expression +
            " < " + to);
    };
    if (isp::utf8_length(t.text) >= 3) {
        anywhere("names", t.text);
    } else {
        const std::string prefix = lower_ascii(t.text);
        at_start("lower(first_name)", prefix);
        at_start("lower(last_name)", prefix);
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
    return db.read([&](isp::store::Connection& c) {
        auto count = c.prepare("SELECT COUNT(*) FROM (" + branches + ")");
        count.bind_texts(binds);
        count.step();
        const std::int64_t total = count.integer(0);
        auto page = c.prepare("SELECT client_id, cin, first_name, last_name, phone, email, address, language, "
                              "created_at, updated_at FROM clients WHERE rowid IN (" +
                              branches + ") ORDER BY last_name, first_name, client_id LIMIT 20 OFFSET 0");
        page.bind_texts(binds);
        while (page.step()) {
        }
        return total;
    });
}

} // namespace

int main(int argc, char** argv) {
    const int customers = argc > 1 ? std::atoi(argv[1]) : 100000;
    const int typed = argc > 2 ? std::atoi(argv[2]) : 25;
    if (customers < 1 || typed < 1) {
        std::fprintf(stderr, "usage: customer_search_bench [customers] [typed customers]\n");
        return 2;
    }
    std::string dir = (std::filesystem::temp_directory_path() / "isp-search-bench-XXXXXX").string();
    if (!mkdtemp(dir.data())) {
        std::perror("mkdtemp");
        return 1;
    }
    {
        isp::ServerConfig config;
        config.db_path = dir + "/bench.db";
        isp::FixedClock clock(1795428000); // 2026-11-23T10:00:00Z
        isp::store::Database db(config.db_path);
        auto t0 = std::chrono::steady_clock::now();
        isp::demo::seed_bulk_contracts(db, {customers, {2026, 1, 1}, std::nullopt, 10}, "2026-11-23T10:00:00Z");
        const std::vector<Person> people = give_names(db, customers);
        const double seed_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        db.write([](isp::store::Connection& c) { c.exec("ANALYZE"); });

        const isp::security::TokenSigner signer(isp::store::load_or_create_secret(db, "token_signing_key", "now"));
        isp::services::ContractDocuments documents(config, signer, clock);
        isp::services::InvoiceDocuments invoice_documents(config, signer, clock);
        isp::services::ServiceContext ctx{config, db, clock, documents, invoice_documents};

        // What people type, by kind, for `typed` customers picked at random.
        std::map<std::string, std::vector<std::string>> queries;
        std::uint64_t rng = 42;
        for (int k = 0; k < typed; ++k) {
            const Person& p = people[next(rng) % people.size()];
            for (auto& q : prefixes(p.last))
                queries["last name"].push_back(q);
            for (auto& q : prefixes(p.first + " " + p.last))
                queries["first last"].push_back(q);
            for (auto& q : prefixes(lower_ascii(p.cin)))
                queries["CIN (lower case)"].push_back(q);
            for (auto& q : prefixes(national(p.phone)))
                queries["phone 06 12 ..."].push_back(q);
        }

        // Searches that found no one: every prefix is some customer's, but one or two
        // characters match only at the start of a value (a lone "0" of a phone matches none).
        std::map<std::string, int> unmatched;
        const auto time_all = [&](const std::function<std::int64_t(const std::string&)>& search,
                                  std::vector<double>& all, std::map<std::string, std::vector<double>>& by_kind) {
            for (const auto& [kind, list] : queries)
                for (const std::string& q : list) {
                    const auto s = std::chrono::steady_clock::now();
                    const std::int64_t total = search(q);
                    const double ms = Millis(std::chrono::steady_clock::now() - s).count();
                    all.push_back(ms);
                    by_kind[kind].push_back(ms);
                    if (total < 1)
                        ++unmatched[kind];
                }
        };
        std::vector<double> now_all, m9_all, scan_all, exact;
        std::map<std::string, std::vector<double>> now_kind, m9_kind, scan_kind;
        std::int64_t capped = 0;
        time_all(
            [&](const std::string& q) {
                const auto page = isp::services::find_customers(ctx, q, isp::default_customer_sort, 20, 0);
                capped += page.total_is_lower_bound ? 1 : 0;
                return page.total;
            },
            now_all, now_kind);
        const std::map<std::string, int> unmatched_now = unmatched;
        time_all([&](const std::string& q) { return search_as_migration_9(db, q); }, m9_all, m9_kind);
        time_all([&](const std::string& q) { return search_by_scan(db, q); }, scan_all, scan_kind);
        for (int k = 0; k < 500; ++k) {
            const Person& p = people[next(rng) % people.size()];
            const auto s = std::chrono::steady_clock::now();
            db.read([&](isp::store::Connection& c) { return isp::store::find_client_by_cin(c, p.cin); });
            exact.push_back(Millis(std::chrono::steady_clock::now() - s).count());
        }

        std::printf("customers                      %d, seeded in %.1f s; %zu searches typed for %d of them\n",
                    customers, seed_s, now_all.size(), typed);
        std::printf("GET /customers?q= (services::find_customers: 20 rows and the total, counted up to 1,000)\n");
        for (const auto& [kind, ms] : now_kind)
            print(kind.c_str(), figures(ms));
        const Figures now = figures(now_all);
        print("all", now);
        for (const auto& [kind, n] : unmatched_now)
            std::printf("  %-30s %d searches found no one\n", kind.c_str(), n);
        std::printf("  %-30s %lld searches matched more than 1,000 (total_is_lower_bound)\n", "",
                    static_cast<long long>(capped));
        std::printf("reference: the same searches as the store ran them with migration 9 (trigram LIKE, every "
                    "match counted and sorted)\n");
        for (const auto& [kind, ms] : m9_kind)
            print(kind.c_str(), figures(ms));
        const Figures m9 = figures(m9_all);
        print("all", m9);
        std::printf("reference: the same searches as a LIKE scan over every client (the store before migration 9)\n");
        for (const auto& [kind, ms] : scan_kind)
            print(kind.c_str(), figures(ms));
        const Figures scan = figures(scan_all);
        print("all", scan);
        std::printf("reference: exact CIN lookup (one indexed read)\n");
        print("find_client_by_cin", figures(exact));
        std::printf("p99 search / p99 migration 9   %.3f\n", m9.p99 > 0 ? now.p99 / m9.p99 : 0.0);
        std::printf("p99 search / p99 scan          %.3f\n", scan.p99 > 0 ? now.p99 / scan.p99 : 0.0);
        std::printf("target p99 under 30 ms        %s\n", now.p99 < 30 ? "ok" : "MISSED");
    }
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
    return 0;
}
