#include "server/store/contract_store.h"

#include "server/store/database.h"
#include "server/store/paged_query.h"

namespace isp::store {

void insert_contract(Connection& c, const Contract& k) {
    c.prepare("INSERT INTO contracts (contract_id, contract_number, client_id, offer_id, service_identifier, "
              "contract_start_date, commitment_months, status, document_version, created_at, updated_at) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)")
        .bind(k.contract_id, k.contract_number, k.client_id, k.offer_id, k.service_identifier,
              k.contract_start_date.to_iso(), k.commitment_months, std::string(to_string(k.status)), k.document_version,
              k.created_at)
        .run();
}

namespace {

constexpr const char* select_contract = "SELECT contract_id, contract_number, client_id, offer_id, service_identifier, "
                                        "contract_start_date, commitment_months, status, document_version, created_at "
                                        "FROM contracts ";

Contract read_contract(const Statement& st) {
    Contract k;
    k.contract_id = st.text(0);
    k.contract_number = st.text(1);
    k.client_id = st.text(2);
    k.offer_id = st.text(3);
    k.service_identifier = st.text(4);
    k.contract_start_date = parse_iso_date(st.text(5)).value_or(Date{});
    k.commitment_months = static_cast<int>(st.integer(6));
    k.status = parse_contract_status(st.text(7)).value_or(ContractStatus::Active);
    k.document_version = static_cast<int>(st.integer(8));
    k.created_at = st.text(9);
    return k;
}

// A row of list_contract_audit_page's SELECT.
AuditRecord read_audit(const Statement& st) {
    return {st.integer(0), {st.text(1), st.text(2), st.text(3), st.text(4), st.optional_text(5), st.optional_text(6)}};
}

} // namespace

std::optional<Contract> find_contract(Connection& c, std::string_view contract_id) {
    auto st = c.prepare(std::string(select_contract) + "WHERE contract_id = ?1");
    st.bind(contract_id);
    if (!st.step())
        return std::nullopt;
    return read_contract(st);
}

std::vector<Contract> list_live_contracts_of_client(Connection& c, std::string_view client_id) {
    auto st = c.prepare(std::string(select_contract) +
                        "WHERE client_id = ?1 AND status <> 'terminated' ORDER BY created_at, contract_number");
    st.bind(client_id);
    std::vector<Contract> out;
    while (st.step())
        out.push_back(read_contract(st));
    return out;
}

void update_contract_offer(Connection& c, const Contract& k, const std::string& now) {
    c.prepare("UPDATE contracts SET offer_id = ?2, contract_start_date = ?3, document_version = ?4, updated_at = ?5 "
              "WHERE contract_id = ?1")
        .bind(k.contract_id, k.offer_id, k.contract_start_date.to_iso(), k.document_version, now)
        .run();
}

void record_offer_period(Connection& c, std::string_view contract_id, std::string_view offer_id,
                         const Date& effective_from, const std::string& now) {
    const std::string from = effective_from.to_iso();
    c.prepare("DELETE FROM contract_offer_periods WHERE contract_id = ?1 AND effective_from >= ?2")
        .bind(contract_id, from)
        .run();
    c.prepare("INSERT INTO contract_offer_periods (contract_id, offer_id, effective_from, recorded_at) "
              "VALUES (?1, ?2, ?3, ?4)")
        .bind(contract_id, offer_id, from, now)
        .run();
}

std::vector<OfferPeriod> list_offer_periods(Connection& c, std::string_view contract_id) {
    auto st = c.prepare("SELECT offer_id, effective_from FROM contract_offer_periods WHERE contract_id = ?1 "
                        "ORDER BY effective_from");
    st.bind(contract_id);
    std::vector<OfferPeriod> out;
    while (st.step())
        out.push_back({st.text(0), parse_iso_date(st.text(1)).value_or(Date{})});
    return out;
}

void record_status_period(Connection& c, std::string_view contract_id, ContractStatus status,
                          const Date& effective_from, const std::string& now) {
    const std::string from = effective_from.to_iso();
    c.prepare("DELETE FROM contract_status_periods WHERE contract_id = ?1 AND effective_from >= ?2")
        .bind(contract_id, from)
        .run();
    c.prepare("INSERT INTO contract_status_periods (contract_id, status, effective_from, recorded_at) "
              "VALUES (?1, ?2, ?3, ?4)")
        .bind(contract_id, std::string(to_string(status)), from, now)
        .run();
}

std::vector<StatusPeriod> list_status_periods(Connection& c, std::string_view contract_id) {
    auto st = c.prepare("SELECT status, effective_from FROM contract_status_periods WHERE contract_id = ?1 "
                        "ORDER BY effective_from");
    st.bind(contract_id);
    std::vector<StatusPeriod> out;
    while (st.step())
        out.push_back({parse_contract_status(st.text(0)).value_or(ContractStatus::Active),
                       parse_iso_date(st.text(1)).value_or(Date{})});
    return out;
}

bool subscriber_has_live_contract(Connection& c, std::string_view service_identifier) {
    auto st = c.prepare("SELECT 1 FROM contracts WHERE service_identifier = ?1 AND status <> 'terminated' LIMIT 1");
    st.bind(service_identifier);
    return st.step();
}

void insert_contract_document(Connection& c, const ContractDocumentRecord& r, const std::string& now) {
    c.prepare("INSERT INTO contract_documents (contract_id, version, snapshot, produced_on, created_at) "
              "VALUES (?1, ?2, ?3, ?4, ?5)")
        .bind(r.contract_id, r.version, r.snapshot, r.produced_on, now)
        .run();
}

std::optional<ContractDocumentRecord> find_contract_document(Connection& c, std::string_view contract_id, int version) {
    auto st = c.prepare("SELECT contract_id, version, snapshot, produced_on FROM contract_documents "
                        "WHERE contract_id = ?1 AND version = ?2");
    st.bind(contract_id, version);
    if (!st.step())
        return std::nullopt;
    return ContractDocumentRecord{st.text(0), static_cast<int>(st.integer(1)), st.text(2), st.text(3)};
}

void append_contract_audit(Connection& c, const AuditEntry& e) {
    c.prepare(
         "INSERT INTO contract_audit (contract_id, at, actor, action, before, after) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        .bind(e.contract_id, e.at, e.actor, e.action, e.before, e.after)
        .run();
}

void update_contract_status(Connection& c, std::string_view contract_id, ContractStatus status,
                            const std::string& now) {
    c.prepare("UPDATE contracts SET status = ?2, updated_at = ?3 WHERE contract_id = ?1")
        .bind(contract_id, std::string(to_string(status)), now)
        .run();
}

namespace {

// Each filter is "?n = '' OR column = ?n": one statement (prepared once) serves every combination.
constexpr const char* contract_filter_where =
    "WHERE (?1 = '' OR client_id = ?1) AND (?2 = '' OR offer_id = ?2) AND (?3 = '' OR status = ?3) "
    "AND (?4 = '' OR offer_id IN (SELECT offer_id FROM offers WHERE family = ?4)) "
    "AND (?5 = '' OR service_identifier = ?5) ";

// The ORDER BY of each contract sort, the id last (indexes: migration 10).
std::string contract_order_by(const ContractSort& sort) {
    const bool d = sort.descending;
    switch (sort.key) {
    case ContractSortKey::CreatedAt: return order_by({"created_at", "contract_number", "contract_id"}, d);
    case ContractSortKey::ContractNumber: return order_by({"contract_number", "contract_id"}, d);
    case ContractSortKey::ServiceIdentifier: return order_by({"service_identifier", "contract_id"}, d);
    case ContractSortKey::Status: return order_by({"status", "contract_id"}, d);
    case ContractSortKey::StartDate: return order_by({"contract_start_date", "contract_id"}, d);
    }
    return order_by({"contract_id"}, d);
}

} // namespace

std::int64_t count_contracts(Connection& c, const ContractFilter& f) {
    return count_rows(c, std::string("SELECT COUNT(*) FROM contracts ") + contract_filter_where, f.client_id,
                      f.offer_id, f.status, f.service, f.service_identifier);
}

std::vector<Contract> list_contracts_page(Connection& c, const ContractFilter& f, const ContractSort& sort,
                                          std::int64_t limit, std::int64_t offset) {
    return read_page(c, std::string(select_contract) + contract_filter_where + contract_order_by(sort), limit, offset,
                     read_contract, f.client_id, f.offer_id, f.status, f.service, f.service_identifier);
}

std::int64_t count_contract_audit(Connection& c, std::string_view contract_id) {
    return count_rows(c, "SELECT COUNT(*) FROM contract_audit WHERE contract_id = ?1", contract_id);
}

std::vector<AuditRecord> list_contract_audit_page(Connection& c, std::string_view contract_id, std::int64_t limit,
                                                  std::int64_t offset) {
    return read_page(c,
                     "SELECT audit_id, contract_id, at, actor, action, before, after FROM contract_audit "
                     "WHERE contract_id = ?1 ORDER BY audit_id",
                     limit, offset, read_audit, contract_id);
}

std::vector<std::pair<ServiceFamily, std::int64_t>> count_active_contracts_by_family(Connection& c) {
    auto st = c.prepare("SELECT o.family, COUNT(*) FROM contracts k JOIN offers o ON o.offer_id = k.offer_id "
                        "WHERE k.status = 'active' GROUP BY o.family");
    std::vector<std::pair<ServiceFamily, std::int64_t>> out;
    while (st.step())
        if (const auto family = parse_service_family(st.text(0)))
            out.emplace_back(*family, st.integer(1));
    return out;
}

} // namespace isp::store
