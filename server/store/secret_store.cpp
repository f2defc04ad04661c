#include "server/store/secret_store.h"

#include "server/security/random_id.h"
#include "server/store/database.h"

namespace isp::store {

std::string load_or_create_secret(Database& db, std::string_view name, const std::string& now) {
    return db.write([&](Connection& c) {
        auto st = c.prepare("SELECT value FROM server_secrets WHERE name = ?1");
        st.bind(name);
        if (st.step())
            return st.text(0);
        const std::string secret = security::random_bytes(32);
        // Stored as text of hex to keep the schema simple to inspect with the sqlite3 shell.
        const std::string hex = security::to_hex(secret);
        c.prepare("INSERT INTO server_secrets (name, value, created_at) VALUES (?1, ?2, ?3)")
            .bind(name, hex, now)
            .run();
        return hex;
    });
}

} // namespace isp::store
