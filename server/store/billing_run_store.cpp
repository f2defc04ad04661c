#include "server/store/billing_run_store.h"

#include "server/store/database.h"
#include "server/store/paged_query.h"

namespace isp::store {

void insert_billing_run(Connection& c, const BillingRunRecord& r) {
    c.prepare("INSERT INTO billing_runs (billing_run_id, period, actor, started_at, completed_at, invoice_count, "
              "currency, subtotal_minor, tax_minor, total_minor, issuer_snapshot) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")
        .bind(r.billing_run_id, r.period, r.actor, r.started_at, r.completed_at, r.invoice_count, r.currency,
              r.subtotal_minor, r.tax_minor, r.total_minor,
              r.issuer_snapshot.empty() ? std::optional<std::string>{} : std::optional<std::string>{r.issuer_snapshot})
        .run();
}

std::optional<std::string> find_billing_run_issuer(Connection& c, std::string_view billing_run_id) {
    auto st = c.prepare("SELECT issuer_snapshot FROM billing_runs WHERE billing_run_id = ?1");
    st.bind(billing_run_id);
    if (!st.step())
        return std::nullopt;
    return st.optional_text(0);
}

void update_billing_run_totals(Connection& c, const BillingRunRecord& r) {
    c.prepare("UPDATE billing_runs SET completed_at = ?2, invoice_count = ?3, currency = ?4, subtotal_minor = ?5, "
              "tax_minor = ?6, total_minor = ?7 WHERE billing_run_id = ?1")
        .bind(r.billing_run_id, r.completed_at, r.invoice_count, r.currency, r.subtotal_minor, r.tax_minor,
              r.total_minor)
        .run();
}

std::int64_t count_billing_runs(Connection& c) {
    return count_rows(c, "SELECT COUNT(*) FROM billing_runs");
}

std::vector<BillingRunSummary> list_billing_runs_page(Connection& c, std::int64_t limit, std::int64_t offset) {
    // A month has one run, or a few when late contracts are billed after it: a sort of the
    // whole table costs nothing. rowid breaks ties between runs of the same second.
    return read_page(c,
                     "SELECT billing_run_id, period, started_at, completed_at, actor, invoice_count, currency, "
                     "subtotal_minor, tax_minor, total_minor FROM billing_runs ORDER BY started_at DESC, rowid DESC",
                     limit, offset, [](const Statement& st) {
                         BillingRunSummary r;
                         r.billing_run_id = st.text(0);
                         r.period = st.text(1);
                         r.started_at = st.text(2);
                         r.completed_at = st.text(3);
                         r.actor = st.text(4);
                         r.invoice_count = st.integer(5);
                         r.currency = st.text(6);
                         r.subtotal_minor = st.integer(7);
                         r.tax_minor = st.integer(8);
                         r.total_minor = st.integer(9);
                         return r;
                     });
}

std::int64_t count_contracts(Connection& c) {
    auto st = c.prepare("SELECT COUNT(*) FROM contracts");
    st.step();
    return st.integer(0);
}

std::unordered_set<std::string> contracts_billed_for_period(Connection& c, std::string_view period) {
    auto st = c.prepare("SELECT contract_id FROM invoices WHERE period = ?1");
    st.bind(period);
    std::unordered_set<std::string> out;
    while (st.step())
        out.insert(st.text(0));
    return out;
}

void for_each_contract_to_bill(Connection& c, const Date& last_day,
                               const std::function<void(const BillingCandidate&)>& visit) {
    const std::string last = last_day.to_iso();
    auto contracts = c.prepare("SELECT k.contract_id, k.client_id, k.service_identifier, cl.first_name, cl.last_name, "
                               "cl.cin, cl.address, cl.email FROM contracts k "
                               "JOIN clients cl ON cl.client_id = k.client_id ORDER BY k.contract_id");
    // Both histories are read in primary-key order (contract_id, effective_from).
    auto offers = c.prepare("SELECT contract_id, offer_id, effective_from FROM contract_offer_periods "
                            "WHERE effective_from <= ?1 ORDER BY contract_id, effective_from");
    offers.bind(last);
    auto statuses = c.prepare("SELECT contract_id, status, effective_from FROM contract_status_periods "
                              "WHERE effective_from <= ?1 ORDER BY contract_id, effective_from");
    statuses.bind(last);

    bool offer_row = offers.step();
    bool status_row = statuses.step();
    BillingCandidate k;
    while (contracts.step()) {
        k.contract_id = contracts.text(0);
        k.client_id = contracts.text(1);
        k.service_identifier = contracts.text(2);
        k.client = {contracts.text(3), contracts.text(4), contracts.text(5), contracts.text(6), contracts.text(7)};
        k.offers.clear();
        k.statuses.clear();
        for (; offer_row; offer_row = offers.step()) {
            const std::string id = offers.text(0);
            if (id > k.contract_id)
                break;
            if (id == k.contract_id)
                k.offers.push_back({offers.text(1), parse_iso_date(offers.text(2)).value_or(Date{})});
        }
        for (; status_row; status_row = statuses.step()) {
            const std::string id = statuses.text(0);
            if (id > k.contract_id)
                break;
            if (id == k.contract_id)
                k.statuses.push_back({parse_contract_status(statuses.text(1)).value_or(ContractStatus::Suspended),
                                      parse_iso_date(statuses.text(2)).value_or(Date{})});
        }
        visit(k);
    }
}

} // namespace isp::store
