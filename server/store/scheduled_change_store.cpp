#include "server/store/scheduled_change_store.h"

#include "server/store/database.h"

namespace isp::store {
namespace {

constexpr const char* change_columns =
    "change_id, contract_id, status, effective_date, reason, requested_by, requested_at, kind, offer_id "
    "FROM scheduled_changes ";

ScheduledChange change_row(const Statement& st) {
    return {st.text(0),
            st.text(1),
            parse_contract_status(st.text(2)).value_or(ContractStatus::Active),
            parse_iso_date(st.text(3)).value_or(Date{}),
            st.text(4),
            st.text(5),
            st.text(6),
            parse_scheduled_change_kind(st.text(7)).value_or(ScheduledChangeKind::Status),
            st.optional_text(8).value_or("")};
}

} // namespace

void insert_scheduled_change(Connection& c, const ScheduledChange& s) {
    const bool offer = s.kind == ScheduledChangeKind::Offer;
    c.prepare("INSERT INTO scheduled_changes (change_id, contract_id, kind, status, offer_id, effective_date, reason, "
              "requested_by, requested_at, state) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'pending')")
        .bind(s.change_id, s.contract_id, std::string(to_string(s.kind)),
              offer ? std::optional<std::string>{} : std::optional<std::string>{std::string(to_string(s.status))},
              offer ? std::optional<std::string>{s.offer_id} : std::optional<std::string>{}, s.effective_date.to_iso(),
              s.reason, s.requested_by, s.requested_at)
        .run();
}

std::vector<ScheduledChange> list_pending_changes(Connection& c, std::string_view contract_id) {
    auto st = c.prepare(std::string("SELECT ") + change_columns +
                        "WHERE contract_id = ?1 AND state = 'pending' ORDER BY effective_date, change_id");
    st.bind(contract_id);
    std::vector<ScheduledChange> out;
    while (st.step())
        out.push_back(change_row(st));
    return out;
}

std::optional<ScheduledChange> find_pending_change(Connection& c, std::string_view change_id) {
    auto st = c.prepare(std::string("SELECT ") + change_columns + "WHERE change_id = ?1 AND state = 'pending'");
    st.bind(change_id);
    if (!st.step())
        return std::nullopt;
    return change_row(st);
}

std::vector<ScheduledChange> list_due_changes(Connection& c, const Date& today, int limit) {
    auto st = c.prepare(std::string("SELECT ") + change_columns +
                        "WHERE state = 'pending' AND effective_date <= ?1 ORDER BY effective_date, change_id LIMIT ?2");
    st.bind(today.to_iso(), limit);
    std::vector<ScheduledChange> out;
    while (st.step())
        out.push_back(change_row(st));
    return out;
}

bool settle_scheduled_change(Connection& c, std::string_view change_id, std::string_view state, const std::string& at,
                             const std::string& by) {
    c.prepare("UPDATE scheduled_changes SET state = ?2, settled_at = ?3, settled_by = ?4 "
              "WHERE change_id = ?1 AND state = 'pending'")
        .bind(change_id, state, at, by)
        .run();
    return c.changes() == 1;
}

} // namespace isp::store
