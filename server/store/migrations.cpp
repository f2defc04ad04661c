#include "server/store/migrations.h"

#include <iterator>
#include <string>

#include "server/store/database.h"

namespace isp::store {
namespace {

// Append only: never edit a step that has shipped, add the next one.
constexpr const char* steps[] = {
    // 1: catalog, clients, contracts and their documents, landing drafts, idempotency.
    R"sql(
CREATE TABLE offers (
  offer_id            TEXT PRIMARY KEY,
  family              TEXT NOT NULL CHECK (family IN ('mobile', 'internet', 'landline')),
  name                TEXT NOT NULL,
  description         TEXT NOT NULL DEFAULT '',
  monthly_price_minor INTEGER NOT NULL CHECK (monthly_price_minor >= 0),
  currency            TEXT NOT NULL,
  tax_rate_bp         INTEGER NOT NULL CHECK (tax_rate_bp BETWEEN 0 AND 10000),
  commitment_months   INTEGER NOT NULL DEFAULT 0,
  active              INTEGER NOT NULL DEFAULT 1,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
);
CREATE TABLE clients (
  client_id   TEXT PRIMARY KEY,
  cin         TEXT NOT NULL UNIQUE,
  first_name  TEXT NOT NULL,
  last_name   TEXT NOT NULL,
  phone       TEXT NOT NULL,
  email       TEXT NOT NULL,
  address     TEXT NOT NULL,
  language    TEXT NOT NULL DEFAULT 'fr',
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE TABLE contracts (
  contract_id         TEXT PRIMARY KEY,
  contract_number     TEXT NOT NULL UNIQUE,
  client_id           TEXT NOT NULL REFERENCES clients(client_id),
  offer_id            TEXT NOT NULL REFERENCES offers(offer_id),
  service_identifier  TEXT NOT NULL,
  contract_start_date TEXT NOT NULL,
  commitment_months   INTEGER NOT NULL DEFAULT 0,
  status              TEXT NOT NULL CHECK (status IN ('active', 'suspended', 'terminated')),
  document_version    INTEGER NOT NULL DEFAULT 1,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
);
CREATE INDEX contracts_by_client ON contracts(client_id);
CREATE INDEX contracts_by_offer ON contracts(offer_id);
-- One live contract per subscriber (a mobile number is on one contract at a time).
CREATE UNIQUE INDEX contracts_live_subscriber ON contracts(service_identifier) WHERE status <> 'terminated';

-- Each version of a contract document is a record: the snapshot it was rendered from.
CREATE TABLE contract_documents (
  contract_id TEXT NOT NULL REFERENCES contracts(contract_id),
  version     INTEGER NOT NULL,
  snapshot    TEXT NOT NULL,
  produced_on TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  PRIMARY KEY (contract_id, version)
);
CREATE TABLE contract_audit (
  audit_id    INTEGER PRIMARY KEY,
  contract_id TEXT NOT NULL REFERENCES contracts(contract_id),
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  action      TEXT NOT NULL,
  before      TEXT,
  after       TEXT
);
CREATE INDEX contract_audit_by_contract ON contract_audit(contract_id, audit_id);

CREATE TABLE landing_drafts (
  draft_id   TEXT PRIMARY KEY,
  form       TEXT NOT NULL,
  step       TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE TABLE idempotency_keys (
  scope           TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  request_hash    TEXT NOT NULL,
  response_status INTEGER NOT NULL,
  response_body   TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  PRIMARY KEY (scope, idempotency_key)
);
CREATE INDEX idempotency_keys_by_age ON idempotency_keys(created_at);
-- Gapless counters (contract numbers per year, invoice numbers per year).
CREATE TABLE sequences (
  name  TEXT PRIMARY KEY,
  value INTEGER NOT NULL
);
CREATE TABLE server_secrets (
  name       TEXT PRIMARY KEY,
  value      BLOB NOT NULL,
  created_at TEXT NOT NULL
);
)sql",
    // 2: which offer a contract is on from which day (plan changes; billing prorates on
    // these). Existing contracts start with their current offer from their start date.
    R"sql(
CREATE TABLE contract_offer_periods (
  contract_id    TEXT NOT NULL REFERENCES contracts(contract_id),
  offer_id       TEXT NOT NULL REFERENCES offers(offer_id),
  effective_from TEXT NOT NULL,
  recorded_at    TEXT NOT NULL,
  PRIMARY KEY (contract_id, effective_from)
);
INSERT INTO contract_offer_periods (contract_id, offer_id, effective_from, recorded_at)
  SELECT contract_id, offer_id, contract_start_date, created_at FROM contracts;
)sql",
    // 3: staff API tokens (issue #4). Only the SHA-256 of a token is kept: a copy of the
    // database does not give access. Revoked tokens stay listed, with the date.
    R"sql(
CREATE TABLE staff_tokens (
  token_id   TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  roles      TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
)sql",
};

} // namespace

int latest_schema_version() { return static_cast<int>(std::size(steps)); }

void migrate(Connection& c) {
    int version = 0;
    {
        auto st = c.prepare("PRAGMA user_version");
        st.step();
        version = static_cast<int>(st.integer(0));
    }
    if (version > latest_schema_version())
        throw StoreError(0, "database schema version " + std::to_string(version) +
                                " is newer than this binary supports (" + std::to_string(latest_schema_version()) +
                                "): upgrade portal-server");
    for (int v = version; v < latest_schema_version(); ++v) {
        c.exec("BEGIN IMMEDIATE");
        try {
            c.exec(steps[v]);
            c.exec(("PRAGMA user_version = " + std::to_string(v + 1)).c_str());
            c.exec("COMMIT");
        } catch (...) {
            c.exec("ROLLBACK");
            throw;
        }
    }
}

} // namespace isp::store
