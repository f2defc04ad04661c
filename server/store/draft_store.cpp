#include "server/store/draft_store.h"

#include "server/store/database.h"

namespace isp::store {

void insert_draft(Connection& c, const DraftRecord& d) {
    c.prepare("INSERT INTO landing_drafts (draft_id, form, step, created_at, updated_at, expires_at) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        .bind(d.draft_id, d.form, d.step, d.created_at, d.updated_at, d.expires_at)
        .run();
}

bool update_draft(Connection& c, const DraftRecord& d) {
    c.prepare("UPDATE landing_drafts SET form = ?2, step = ?3, updated_at = ?4, expires_at = ?5 WHERE draft_id = ?1")
        .bind(d.draft_id, d.form, d.step, d.updated_at, d.expires_at)
        .run();
    return c.changes() > 0;
}

std::optional<DraftRecord> find_draft(Connection& c, std::string_view draft_id) {
    auto st = c.prepare("SELECT draft_id, form, step, created_at, updated_at, expires_at FROM landing_drafts "
                        "WHERE draft_id = ?1");
    st.bind(draft_id);
    if (!st.step())
        return std::nullopt;
    return DraftRecord{st.text(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5)};
}

void delete_draft(Connection& c, std::string_view draft_id) {
    c.prepare("DELETE FROM landing_drafts WHERE draft_id = ?1").bind(draft_id).run();
}

void delete_expired_drafts(Connection& c, const std::string& now) {
    // Keep expired drafts a week so a late visitor hears "expired" rather than "unknown".
    c.prepare("DELETE FROM landing_drafts WHERE expires_at < strftime('%Y-%m-%dT%H:%M:%SZ', ?1, '-7 days')")
        .bind(now)
        .run();
}

} // namespace isp::store
