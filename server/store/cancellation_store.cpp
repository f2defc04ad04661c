#include "server/store/cancellation_store.h"

#include "server/store/database.h"

namespace isp::store {

void insert_cancellation(Connection& c, const Cancellation& k) {
    c.prepare("INSERT INTO cancellations (cancellation_id, contract_id, change_id, termination_date, "
              "early_termination_minor, currency, requested_at, state) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'requested')")
        .bind(k.cancellation_id, k.contract_id,
              k.change_id.empty() ? std::optional<std::string>{} : std::optional<std::string>{k.change_id},
              k.termination_date.to_iso(), k.early_termination_amount.amount_minor, k.early_termination_amount.currency,
              k.requested_at)
        .run();
}

bool withdraw_cancellation(Connection& c, std::string_view change_id) {
    c.prepare("UPDATE cancellations SET state = 'withdrawn' WHERE change_id = ?1 AND state = 'requested'")
        .bind(change_id)
        .run();
    return c.changes() > 0;
}

std::unordered_map<std::string, Cancellation> cancellations_to_invoice(Connection& c, const Date& first,
                                                                       const Date& last) {
    auto st = c.prepare("SELECT cancellation_id, contract_id, COALESCE(change_id, ''), termination_date, "
                        "early_termination_minor, currency, requested_at FROM cancellations "
                        "WHERE state = 'requested' AND invoice_id IS NULL AND early_termination_minor > 0 "
                        "AND termination_date BETWEEN ?1 AND ?2");
    st.bind(first.to_iso(), last.to_iso());
    std::unordered_map<std::string, Cancellation> out;
    while (st.step()) {
        Cancellation k{st.text(0),
                       st.text(1),
                       st.text(2),
                       parse_iso_date(st.text(3)).value_or(Date{}),
                       Money{st.integer(4), st.text(5)},
                       st.text(6)};
        out.emplace(k.contract_id, std::move(k));
    }
    return out;
}

void mark_cancellation_invoiced(Connection& c, std::string_view cancellation_id, std::string_view invoice_id) {
    c.prepare("UPDATE cancellations SET invoice_id = ?2 WHERE cancellation_id = ?1")
        .bind(cancellation_id, invoice_id)
        .run();
}

} // namespace isp::store
