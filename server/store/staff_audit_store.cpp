#include "server/store/staff_audit_store.h"

#include "server/store/database.h"
#include "server/store/paged_query.h"

namespace isp::store {
namespace {

// ?1 = '' lists every entry.
constexpr const char* where = " WHERE (?1 = '' OR account_id = ?1)";

StaffAuditEntry read_entry(const Statement& st) {
    return {st.integer(0), st.text(1), st.text(2), st.optional_text(3), st.text(4), st.text(5), st.text(6), st.text(7)};
}

} // namespace

void insert_staff_audit(Connection& c, const StaffAuditEntry& e) {
    c.prepare("INSERT INTO staff_audit (at, event, account_id, email, actor, client_address, detail) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        .bind(e.at, e.event, e.account_id, e.email, e.actor, e.client_address, e.detail)
        .run();
}

std::int64_t count_staff_audit(Connection& c, std::string_view account_id) {
    return count_rows(c, std::string("SELECT COUNT(*) FROM staff_audit") + where, account_id);
}

std::vector<StaffAuditEntry> list_staff_audit(Connection& c, std::string_view account_id, std::int64_t limit,
                                              std::int64_t offset) {
    return read_page(c,
                     std::string("SELECT entry_id, at, event, account_id, email, actor, client_address, detail "
                                 "FROM staff_audit") +
                         where + " ORDER BY entry_id DESC",
                     limit, offset, read_entry, account_id);
}

} // namespace isp::store
