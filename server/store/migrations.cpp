#include "server/store/migrations.h"

#include <algorithm>
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
    // 4: billing and collections (issue #4), and the status history billing prorates on.
    //   contract_status_periods  like contract_offer_periods: a status from a day on. Only
    //                            'active' days are billed; a terminated contract is billed
    //                            up to the day before its termination date.
    //   billing_runs             one per POST /billing/runs that did something; the run and
    //                            all its invoices commit in one transaction.
    //   invoices                 one per contract and period (UNIQUE: never billed twice);
    //                            numbers FAC-YYYY-NNNNNN from `sequences` ('invoice:YYYY'),
    //                            gapless because they are taken inside the run's transaction.
    //                            client_snapshot: the client as invoiced (name, CIN, address),
    //                            so the PDF of a ten-year-old invoice does not change.
    //                            status is the settlement state; "overdue" is derived at read
    //                            time (due_date before today and something outstanding).
    //   invoice_lines            a line per offer and date range, with its days.
    //   payments                 money received against one invoice.
    //   collection_cases         one per overdue invoice; closes itself once the invoice is paid.
    //   collection_actions       dunning steps and notes on a case.
    R"sql(
CREATE TABLE contract_status_periods (
  contract_id    TEXT NOT NULL REFERENCES contracts(contract_id),
  status         TEXT NOT NULL CHECK (status IN ('active', 'suspended', 'terminated')),
  effective_from TEXT NOT NULL,
  recorded_at    TEXT NOT NULL,
  PRIMARY KEY (contract_id, effective_from)
);
INSERT INTO contract_status_periods (contract_id, status, effective_from, recorded_at)
  SELECT contract_id, 'active', MIN(effective_from), MIN(recorded_at) FROM contract_offer_periods GROUP BY contract_id;
INSERT OR REPLACE INTO contract_status_periods (contract_id, status, effective_from, recorded_at)
  SELECT contract_id, status, substr(updated_at, 1, 10), updated_at FROM contracts WHERE status <> 'active';

CREATE TABLE billing_runs (
  billing_run_id TEXT PRIMARY KEY,
  period         TEXT NOT NULL,             -- 'YYYY-MM'
  actor          TEXT NOT NULL,
  started_at     TEXT NOT NULL,
  completed_at   TEXT NOT NULL,
  invoice_count  INTEGER NOT NULL,
  currency       TEXT NOT NULL,
  subtotal_minor INTEGER NOT NULL,
  tax_minor      INTEGER NOT NULL,
  total_minor    INTEGER NOT NULL
);
CREATE INDEX billing_runs_by_period ON billing_runs(period);

CREATE TABLE invoices (
  invoice_id      TEXT PRIMARY KEY,
  invoice_number  TEXT NOT NULL UNIQUE,
  billing_run_id  TEXT NOT NULL REFERENCES billing_runs(billing_run_id),
  client_id       TEXT NOT NULL REFERENCES clients(client_id),
  contract_id     TEXT NOT NULL REFERENCES contracts(contract_id),
  period          TEXT NOT NULL,             -- 'YYYY-MM'
  period_start    TEXT NOT NULL,             -- first day billed
  period_end      TEXT NOT NULL,             -- last day billed (inclusive)
  issue_date      TEXT NOT NULL,
  due_date        TEXT NOT NULL,
  currency        TEXT NOT NULL,
  subtotal_minor  INTEGER NOT NULL,
  tax_minor       INTEGER NOT NULL,
  total_minor     INTEGER NOT NULL,
  paid_minor      INTEGER NOT NULL DEFAULT 0 CHECK (paid_minor >= 0),
  status          TEXT NOT NULL CHECK (status IN ('open', 'partially_paid', 'paid')),
  client_snapshot TEXT NOT NULL,             -- JSON
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  UNIQUE (contract_id, period)
);
CREATE INDEX invoices_by_client ON invoices(client_id, issue_date);
CREATE INDEX invoices_by_run ON invoices(billing_run_id);
CREATE INDEX invoices_by_due ON invoices(status, due_date);

CREATE TABLE invoice_lines (
  invoice_id          TEXT NOT NULL REFERENCES invoices(invoice_id),
  line_no             INTEGER NOT NULL,
  offer_id            TEXT NOT NULL REFERENCES offers(offer_id),
  offer_name          TEXT NOT NULL,
  service_family      TEXT NOT NULL,
  service_identifier  TEXT NOT NULL,
  from_date           TEXT NOT NULL,         -- inclusive
  to_date             TEXT NOT NULL,         -- inclusive
  days                INTEGER NOT NULL,
  days_in_period      INTEGER NOT NULL,
  monthly_price_minor INTEGER NOT NULL,
  amount_minor        INTEGER NOT NULL,      -- before tax, prorated
  tax_rate_bp         INTEGER NOT NULL,
  tax_minor           INTEGER NOT NULL,
  total_minor         INTEGER NOT NULL,
  PRIMARY KEY (invoice_id, line_no)
);
CREATE INDEX invoice_lines_by_offer ON invoice_lines(offer_id);

CREATE TABLE payments (
  payment_id   TEXT PRIMARY KEY,
  invoice_id   TEXT NOT NULL REFERENCES invoices(invoice_id),
  client_id    TEXT NOT NULL REFERENCES clients(client_id),
  amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
  currency     TEXT NOT NULL,
  method       TEXT NOT NULL,
  reference    TEXT NOT NULL DEFAULT '',
  allocation   TEXT NOT NULL CHECK (allocation IN ('partial', 'full')),
  received_on  TEXT NOT NULL,
  actor        TEXT NOT NULL,
  created_at   TEXT NOT NULL
);
CREATE INDEX payments_by_invoice ON payments(invoice_id);
CREATE INDEX payments_by_client ON payments(client_id, created_at);

CREATE TABLE collection_cases (
  case_id      TEXT PRIMARY KEY,
  invoice_id   TEXT NOT NULL UNIQUE REFERENCES invoices(invoice_id),
  client_id    TEXT NOT NULL REFERENCES clients(client_id),
  status       TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'promise_to_pay', 'closed')),
  opened_on    TEXT NOT NULL,
  closed_on    TEXT,
  close_reason TEXT,                         -- 'paid', or the staff's reason
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
);
CREATE INDEX collection_cases_by_status ON collection_cases(status, opened_on);
CREATE INDEX collection_cases_by_client ON collection_cases(client_id);

CREATE TABLE collection_actions (
  action_id INTEGER PRIMARY KEY,
  case_id   TEXT NOT NULL REFERENCES collection_cases(case_id),
  kind      TEXT NOT NULL CHECK (kind IN ('call', 'sms', 'email', 'letter', 'note')),
  note      TEXT NOT NULL DEFAULT '',
  actor     TEXT NOT NULL,
  at        TEXT NOT NULL
);
CREATE INDEX collection_actions_by_case ON collection_actions(case_id, action_id);
)sql",
    // 5: documents are records (issue #5). What the operator printed at the time - terms
    // text, logo - is kept once, by SHA-256, and referenced from each contract version's
    // snapshot; a billing run keeps the issuer it invoiced as (name, address, legal ids,
    // footer, accent, logo hash, payment instructions, legal mentions) for all its invoices.
    R"sql(
CREATE TABLE document_assets (
  sha256     TEXT PRIMARY KEY,
  media_type TEXT NOT NULL,                  -- 'text/plain; charset=utf-8', 'image/png', 'image/jpeg'
  content    BLOB NOT NULL,
  created_at TEXT NOT NULL
);
ALTER TABLE billing_runs ADD COLUMN issuer_snapshot TEXT;
)sql",
    // 6: the staff invoice list, newest first over every client, walks this index instead
    // of sorting the whole table for each page (a year of a 100,000-line operator is over a
    // million invoices).
    R"sql(
CREATE INDEX invoices_by_issue ON invoices(issue_date, invoice_number);
)sql",
    // 7: /api/v1/health tells whether writes go through (a full disk): when no write
    // succeeded lately, it writes this one row.
    R"sql(
CREATE TABLE health_probe (
  id     INTEGER PRIMARY KEY CHECK (id = 1),
  probed INTEGER NOT NULL
);
)sql",
    // 8: staff accounts, sign-in and sessions (issue #12, docs/staff-accounts.md). Secrets
    // that prove something (sessions, password links, recovery codes) are kept as SHA-256
    // only, passwords as Argon2id strings. A token may now belong to an account.
    R"sql(
CREATE TABLE staff_accounts (
  account_id      TEXT PRIMARY KEY,
  email           TEXT NOT NULL,
  email_key       TEXT NOT NULL UNIQUE,      -- the e-mail lower-cased
  display_name    TEXT NOT NULL,
  roles           TEXT NOT NULL,             -- "admin,ops"
  language        TEXT NOT NULL CHECK (language IN ('fr', 'en')),
  state           TEXT NOT NULL CHECK (state IN ('active', 'disabled')),
  password_hash   TEXT,                      -- null until set from a password link
  totp_key        TEXT,                      -- base32, once enrolment is confirmed
  totp_pending    TEXT,                      -- base32, shown at enrolment, not confirmed
  totp_last_step  INTEGER,                   -- a TOTP code is accepted once
  created_at      TEXT NOT NULL,
  last_sign_in_at TEXT
);
CREATE TABLE staff_password_links (
  link_hash    TEXT PRIMARY KEY,
  account_id   TEXT NOT NULL REFERENCES staff_accounts(account_id),
  created_at   TEXT NOT NULL,
  expires_unix INTEGER NOT NULL,
  used_at      TEXT                          -- or 'voided' by a newer link
);
CREATE TABLE staff_recovery_codes (
  account_id TEXT NOT NULL REFERENCES staff_accounts(account_id),
  code_hash  TEXT NOT NULL,
  used_at    TEXT,
  PRIMARY KEY (account_id, code_hash)
);
CREATE TABLE staff_sessions (
  session_hash   TEXT PRIMARY KEY,
  account_id     TEXT NOT NULL REFERENCES staff_accounts(account_id),
  created_unix   INTEGER NOT NULL,
  last_seen_unix INTEGER NOT NULL,
  expires_unix   INTEGER NOT NULL
);
CREATE INDEX staff_sessions_by_account ON staff_sessions(account_id);
CREATE TABLE staff_audit (
  entry_id       INTEGER PRIMARY KEY AUTOINCREMENT,
  at             TEXT NOT NULL,
  event          TEXT NOT NULL,
  account_id     TEXT,
  email          TEXT NOT NULL,
  actor          TEXT NOT NULL,
  client_address TEXT NOT NULL,
  detail         TEXT NOT NULL
);
CREATE INDEX staff_audit_by_account ON staff_audit(account_id, entry_id);
ALTER TABLE staff_tokens ADD COLUMN account_id TEXT REFERENCES staff_accounts(account_id);
)sql",
    // 9: customer search as you type (GET /customers?q=, the staff console) over 100,000
    // clients without reading them all (bench/console: a LIKE scan took 100+ ms a search).
    //   clients_search     a trigram index (FTS5) of what a search of 3 characters or more
    //                      finds anywhere: both orders of the name, the CIN, the phone.
    //                      Its rowid is clients.search_rowid, a number of the client's own
    //                      (a rowid of a table without INTEGER PRIMARY KEY may change in a
    //                      VACUUM), given by the insert trigger; triggers keep it current.
    //   clients_by_*_name  what a search of 1 or 2 characters finds at the start of a first
    //                      or last name (a trigram index cannot look those up); CINs and
    //                      phones use their own index the same way.
    //   clients_by_name    the list's order: a page of the whole list reads 20 rows.
    R"sql(
ALTER TABLE clients ADD COLUMN search_rowid INTEGER;
UPDATE clients SET search_rowid = rowid;
CREATE UNIQUE INDEX clients_by_search_rowid ON clients(search_rowid);
CREATE INDEX clients_by_first_name ON clients(lower(first_name));
CREATE INDEX clients_by_last_name ON clients(lower(last_name));
CREATE INDEX clients_by_phone ON clients(phone);
CREATE INDEX clients_by_name ON clients(last_name, first_name, client_id);
CREATE VIRTUAL TABLE clients_search USING fts5(names, cin, phone, tokenize = 'trigram');
INSERT INTO clients_search (rowid, names, cin, phone)
  SELECT search_rowid, first_name || ' ' || last_name || char(10) || last_name || ' ' || first_name, cin, phone
  FROM clients;
CREATE TRIGGER clients_search_insert AFTER INSERT ON clients BEGIN
  UPDATE clients SET search_rowid = (SELECT COALESCE(MAX(search_rowid), 0) + 1 FROM clients)
  WHERE rowid = new.rowid;
  INSERT INTO clients_search (rowid, names, cin, phone)
  SELECT search_rowid, new.first_name || ' ' || new.last_name || char(10) || new.last_name || ' ' || new.first_name,
         new.cin, new.phone
  FROM clients WHERE rowid = new.rowid;
END;
CREATE TRIGGER clients_search_update AFTER UPDATE OF first_name, last_name, cin, phone ON clients BEGIN
  UPDATE clients_search
  SET names = new.first_name || ' ' || new.last_name || char(10) || new.last_name || ' ' || new.first_name,
      cin = new.cin, phone = new.phone
  WHERE rowid = new.search_rowid;
END;
CREATE TRIGGER clients_search_delete AFTER DELETE ON clients BEGIN
  DELETE FROM clients_search WHERE rowid = old.search_rowid;
END;
)sql",
    // 10: the staff lists sorted by the server (`sort`) and the customer search's walk (issue
    // #13). Each sort's order is an index, so a page of 100,000 rows reads a page's worth.
    //   clients_by_name_search  the list's order (replaces clients_by_name) with what a search
    //                           tests (CIN, phone, search_rowid): a search with thousands of
    //                           matches walks it in order and stops after the page, reading
    //                           a row only for a client that matches.
    //   clients_by_phone        now ends in the id, the phone sort's tiebreak.
    //   invoices_by_period      GET /invoices?period=: one billing period newest first.
    R"sql(
DROP INDEX clients_by_name;
CREATE INDEX clients_by_name_search ON clients(last_name, first_name, client_id, cin, phone, search_rowid);
CREATE INDEX clients_by_first_name_order ON clients(first_name, last_name, client_id);
DROP INDEX clients_by_phone;
CREATE INDEX clients_by_phone ON clients(phone, client_id);
CREATE INDEX clients_by_email ON clients(email, client_id);
CREATE INDEX clients_by_creation ON clients(created_at, client_id);
CREATE INDEX contracts_by_creation ON contracts(created_at, contract_number);
CREATE INDEX contracts_by_subscriber ON contracts(service_identifier, contract_id);
CREATE INDEX contracts_by_status ON contracts(status, contract_id);
CREATE INDEX contracts_by_start ON contracts(contract_start_date, contract_id);
CREATE INDEX invoices_by_period ON invoices(period, issue_date, invoice_number);
)sql",
    // 11: the contract's life on its own (issue #15).
    //   scheduled_changes  a status change for a later date: 'pending' until the server
    //                      carries it out on that date ('carried_out') or someone cancels it
    //                      ('cancelled'); the state moves once, in the transaction that makes
    //                      the change, so a change is carried out exactly once.
    //   outbox_events      what happened, written in the transaction of the change it tells
    //                      (nothing is told that did not happen, nothing that happened is
    //                      lost); `sequence` is the order readers follow, `event_id` the id
    //                      a receiver drops duplicates by.
    R"sql(
CREATE TABLE scheduled_changes (
  change_id      TEXT PRIMARY KEY,
  contract_id    TEXT NOT NULL REFERENCES contracts(contract_id),
  status         TEXT NOT NULL CHECK (status IN ('active', 'suspended', 'terminated')),
  effective_date TEXT NOT NULL,
  reason         TEXT NOT NULL,
  requested_by   TEXT NOT NULL,
  requested_at   TEXT NOT NULL,
  state          TEXT NOT NULL CHECK (state IN ('pending', 'carried_out', 'cancelled')),
  settled_at     TEXT,
  settled_by     TEXT
);
CREATE INDEX scheduled_changes_due ON scheduled_changes(state, effective_date, change_id);
CREATE INDEX scheduled_changes_by_contract ON scheduled_changes(contract_id, state, effective_date);

CREATE TABLE outbox_events (
  sequence    INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id    TEXT NOT NULL UNIQUE,
  type        TEXT NOT NULL,
  occurred_at TEXT NOT NULL,
  contract_id TEXT,
  client_id   TEXT,
  data        TEXT NOT NULL
);
)sql",
    // 12: dunning (issue #15). The server's own steps on a collection case are actions of
    // kinds of their own (reminder, suspension, resume), and `dunning_step` names the step
    // of the policy a row carried out or skipped: UNIQUE per case, so a step happens once
    // however many times, or from however many threads, it is found due. SQLite cannot
    // change a CHECK, hence the copy of the table.
    //   non_payment_suspensions  the contracts the dunning suspended, until their debt is
    //                            paid (resumed_on): only those are resumed by a payment.
    R"sql(
CREATE TABLE collection_actions_v12 (
  action_id    INTEGER PRIMARY KEY,
  case_id      TEXT NOT NULL REFERENCES collection_cases(case_id),
  kind         TEXT NOT NULL CHECK (kind IN ('call', 'sms', 'email', 'letter', 'note',
                                             'reminder', 'suspension', 'resume')),
  note         TEXT NOT NULL DEFAULT '',
  actor        TEXT NOT NULL,
  at           TEXT NOT NULL,
  dunning_step TEXT
);
INSERT INTO collection_actions_v12 (action_id, case_id, kind, note, actor, at)
  SELECT action_id, case_id, kind, note, actor, at FROM collection_actions;
DROP TABLE collection_actions;
ALTER TABLE collection_actions_v12 RENAME TO collection_actions;
CREATE INDEX collection_actions_by_case ON collection_actions(case_id, action_id);
CREATE UNIQUE INDEX collection_actions_by_step ON collection_actions(case_id, dunning_step)
  WHERE dunning_step IS NOT NULL;

CREATE TABLE non_payment_suspensions (
  contract_id  TEXT NOT NULL REFERENCES contracts(contract_id),
  case_id      TEXT NOT NULL REFERENCES collection_cases(case_id),
  suspended_on TEXT NOT NULL,
  resumed_on   TEXT,
  PRIMARY KEY (contract_id, case_id)
);
CREATE INDEX non_payment_suspensions_open ON non_payment_suspensions(resumed_on, contract_id);
)sql",
    // 13: webhooks (issue #15): other systems told of every event, signed, retried.
    //   webhook_endpoints   where to POST which event types; `secret` signs each body (kept
    //                       to sign, never shown after creation); `after_sequence` is how far
    //                       the deliverer has read outbox_events for this endpoint.
    //   webhook_deliveries  one event to one endpoint: 'pending' until a 2xx answer
    //                       ('delivered') or 24 h of retries ('failed'); a replay is a new
    //                       row naming the delivery it replays. Made from the outbox in the
    //                       transaction that moves `after_sequence`, so none is made twice
    //                       or missed.
    //   outbox_events       rebuilt without AUTOINCREMENT and without the UNIQUE index on
    //                       event_id: a billing run writes 100,000 events in its transaction,
    //                       and those two were a third of their cost. Events are never
    //                       deleted, so `sequence` (the rowid) still only grows; event ids are
    //                       96 random bits, and nothing looks an event up by its id.
    R"sql(
CREATE TABLE outbox_events_12 (
  sequence    INTEGER PRIMARY KEY,
  event_id    TEXT NOT NULL,
  type        TEXT NOT NULL,
  occurred_at TEXT NOT NULL,
  contract_id TEXT,
  client_id   TEXT,
  data        TEXT NOT NULL
);
INSERT INTO outbox_events_12 (sequence, event_id, type, occurred_at, contract_id, client_id, data)
  SELECT sequence, event_id, type, occurred_at, contract_id, client_id, data FROM outbox_events;
DROP TABLE outbox_events;
ALTER TABLE outbox_events_12 RENAME TO outbox_events;
DELETE FROM sqlite_sequence WHERE name = 'outbox_events';

CREATE TABLE webhook_endpoints (
  webhook_id     TEXT PRIMARY KEY,
  url            TEXT NOT NULL,
  event_types    TEXT NOT NULL,  -- JSON array of event types
  active         INTEGER NOT NULL CHECK (active IN (0, 1)),
  secret         TEXT NOT NULL,
  after_sequence INTEGER NOT NULL,
  created_by     TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);
CREATE INDEX webhook_endpoints_by_creation ON webhook_endpoints(created_at, webhook_id);

CREATE TABLE webhook_deliveries (
  delivery_id      TEXT PRIMARY KEY,
  webhook_id       TEXT NOT NULL REFERENCES webhook_endpoints(webhook_id) ON DELETE CASCADE,
  event_sequence   INTEGER NOT NULL REFERENCES outbox_events(sequence),
  state            TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
  attempt_count    INTEGER NOT NULL DEFAULT 0,
  last_status_code INTEGER,       -- NULL: no answer (refused, timed out, TLS failure)
  last_error       TEXT,          -- why the last attempt failed, without the answer's body
  response_time_ms INTEGER,
  first_attempt_at TEXT,
  last_attempt_at  TEXT,
  next_attempt_at  TEXT,          -- NULL once delivered or failed
  delivered_at     TEXT,
  replay_of        TEXT,          -- the delivery_id this one replays
  created_at       TEXT NOT NULL
);
CREATE UNIQUE INDEX webhook_deliveries_once ON webhook_deliveries(webhook_id, event_sequence)
  WHERE replay_of IS NULL;
CREATE INDEX webhook_deliveries_due ON webhook_deliveries(next_attempt_at, event_sequence)
  WHERE state = 'pending';
CREATE INDEX webhook_deliveries_by_webhook ON webhook_deliveries(webhook_id, created_at, event_sequence);
)sql",
    // 14: customers' e-mails (issue #15), the deliverer's second channel.
    //   customer_notifications  one e-mail per event that tells a customer something, made
    //                           from the outbox in the transaction that moves the channel's
    //                           cursor (none twice, none missed); 'pending' until the relay
    //                           takes it ('sent') or it is refused for good or 24 h of
    //                           retries pass ('failed'). The words are made again at each
    //                           attempt from the event; the row keeps what staff look up.
    //   delivery_cursors        how far a channel has read outbox_events.
    R"sql(
CREATE TABLE customer_notifications (
  notification_id  TEXT PRIMARY KEY,
  client_id        TEXT NOT NULL REFERENCES clients(client_id),
  event_sequence   INTEGER NOT NULL REFERENCES outbox_events(sequence),
  event_id         TEXT NOT NULL,
  channel          TEXT NOT NULL CHECK (channel IN ('email')),
  recipient        TEXT NOT NULL,
  subject          TEXT NOT NULL,
  state            TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'failed')),
  attempts         INTEGER NOT NULL DEFAULT 0,
  last_error       TEXT,
  first_attempt_at TEXT,
  next_attempt_at  TEXT,
  sent_at          TEXT,
  created_at       TEXT NOT NULL,
  UNIQUE (event_id, channel)
);
CREATE INDEX customer_notifications_due ON customer_notifications(next_attempt_at) WHERE state = 'pending';
CREATE INDEX customer_notifications_by_client ON customer_notifications(client_id, created_at);

CREATE TABLE delivery_cursors (
  channel        TEXT PRIMARY KEY,
  after_sequence INTEGER NOT NULL
);
)sql",
    // 15: scheduled offer changes and cancellations (issue #15).
    //   scheduled_changes  gains `kind`: 'status' (as before: `status` set) or 'offer' (a
    //                      plan change dated later: `offer_id` set, `status` NULL), so an
    //                      offer change waits for its date and is carried out once like a
    //                      status change. SQLite cannot change a column's NOT NULL or a
    //                      CHECK, hence the copy of the table.
    //   cancellations      a customer's cancellation: the termination (its scheduled change,
    //                      NULL when made at once), its date and the early termination
    //                      amount the billing run of that date's month invoices once
    //                      (`invoice_id`); 'withdrawn' when the termination was cancelled.
    //   invoice_lines.kind 'subscription' (prorated days of an offer) or
    //                      'early_termination' (the amount of a cancellation).
    R"sql(
CREATE TABLE scheduled_changes_v15 (
  change_id      TEXT PRIMARY KEY,
  contract_id    TEXT NOT NULL REFERENCES contracts(contract_id),
  kind           TEXT NOT NULL CHECK (kind IN ('status', 'offer')),
  status         TEXT CHECK (status IN ('active', 'suspended', 'terminated')),
  offer_id       TEXT REFERENCES offers(offer_id),
  effective_date TEXT NOT NULL,
  reason         TEXT NOT NULL,
  requested_by   TEXT NOT NULL,
  requested_at   TEXT NOT NULL,
  state          TEXT NOT NULL CHECK (state IN ('pending', 'carried_out', 'cancelled')),
  settled_at     TEXT,
  settled_by     TEXT,
  CHECK ((kind = 'status' AND status IS NOT NULL AND offer_id IS NULL) OR
         (kind = 'offer' AND offer_id IS NOT NULL AND status IS NULL))
);
INSERT INTO scheduled_changes_v15 (change_id, contract_id, kind, status, offer_id, effective_date, reason,
                                   requested_by, requested_at, state, settled_at, settled_by)
  SELECT change_id, contract_id, 'status', status, NULL, effective_date, reason, requested_by, requested_at,
         state, settled_at, settled_by FROM scheduled_changes;
DROP TABLE scheduled_changes;
ALTER TABLE scheduled_changes_v15 RENAME TO scheduled_changes;
CREATE INDEX scheduled_changes_due ON scheduled_changes(state, effective_date, change_id);
CREATE INDEX scheduled_changes_by_contract ON scheduled_changes(contract_id, state, effective_date);
CREATE INDEX scheduled_changes_by_offer ON scheduled_changes(offer_id) WHERE offer_id IS NOT NULL;

CREATE TABLE cancellations (
  cancellation_id         TEXT PRIMARY KEY,
  contract_id             TEXT NOT NULL REFERENCES contracts(contract_id),
  change_id               TEXT REFERENCES scheduled_changes(change_id),
  termination_date        TEXT NOT NULL,
  early_termination_minor INTEGER NOT NULL CHECK (early_termination_minor >= 0),
  currency                TEXT NOT NULL,
  requested_at            TEXT NOT NULL,
  state                   TEXT NOT NULL CHECK (state IN ('requested', 'withdrawn')),
  invoice_id              TEXT REFERENCES invoices(invoice_id)
);
CREATE INDEX cancellations_by_date ON cancellations(termination_date) WHERE state = 'requested';
CREATE INDEX cancellations_by_contract ON cancellations(contract_id);

ALTER TABLE invoice_lines ADD COLUMN kind TEXT NOT NULL DEFAULT 'subscription'
  CHECK (kind IN ('subscription', 'early_termination'));
)sql",
    // 16: a webhook secret's rotation without a gap (issue #15): the previous secret keeps
    //   signing beside the new one until `previous_secret_until`, so receivers switch at their
    //   pace (X-Portal-Signature carries a v1 for each).
    R"sql(
ALTER TABLE webhook_endpoints ADD COLUMN previous_secret TEXT;
ALTER TABLE webhook_endpoints ADD COLUMN previous_secret_until TEXT;
)sql",
};

} // namespace

int latest_schema_version() {
    return static_cast<int>(std::size(steps));
}

int schema_version(Connection& c) {
    auto st = c.prepare("PRAGMA user_version");
    st.step();
    return static_cast<int>(st.integer(0));
}

void migrate(Connection& c, int up_to) {
    const int version = schema_version(c);
    const int target = up_to < 0 ? latest_schema_version() : std::min(up_to, latest_schema_version());
    if (version > latest_schema_version())
        throw StoreError(0, "database schema version " + std::to_string(version) +
                                " is newer than this binary supports (" + std::to_string(latest_schema_version()) +
                                "): upgrade portal-server");
    for (int v = version; v < target; ++v) {
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
