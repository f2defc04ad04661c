// Landing drafts (a signup saved half-way) in the database.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace isp::store {

class Connection;

struct DraftRecord {
    std::string draft_id;
    std::string form; // JSON of the SignupForm as typed
    std::string step;
    std::string created_at;
    std::string updated_at;
    std::string expires_at;
};

void insert_draft(Connection& c, const DraftRecord& draft);
bool update_draft(Connection& c, const DraftRecord& draft); // false when no such draft
std::optional<DraftRecord> find_draft(Connection& c, std::string_view draft_id);
void delete_draft(Connection& c, std::string_view draft_id);
void delete_expired_drafts(Connection& c, const std::string& now);

} // namespace isp::store
