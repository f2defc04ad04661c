#include "server/store/sequence_store.h"

#include "server/store/database.h"

namespace isp::store {

std::int64_t next_in_sequence(Connection& c, std::string_view name) {
    auto st = c.prepare("INSERT INTO sequences (name, value) VALUES (?1, 1) "
                        "ON CONFLICT(name) DO UPDATE SET value = value + 1 RETURNING value");
    st.bind(name);
    st.step();
    const std::int64_t value = st.integer(0);
    while (st.step()) {
    }
    return value;
}

std::int64_t current_in_sequence(Connection& c, std::string_view name) {
    auto st = c.prepare("SELECT value FROM sequences WHERE name = ?1");
    st.bind(name);
    return st.step() ? st.integer(0) : 0;
}

void set_sequence(Connection& c, std::string_view name, std::int64_t last) {
    c.prepare("INSERT INTO sequences (name, value) VALUES (?1, ?2) ON CONFLICT(name) DO UPDATE SET value = ?2")
        .bind(name, last)
        .run();
}

} // namespace isp::store
