// Route registration, one function per file under server/routes/. A route parses the
// request, calls a service, and maps the result to HTTP; rules live in shared/ and
// server/services/.
#pragma once

namespace httplib {
class Server;
}

namespace isp {
struct AppContext;
}

namespace isp::routes {

void register_health(httplib::Server& http, AppContext& app);                // GET /api/v1/health
void register_openapi(httplib::Server& http, AppContext& app);               // GET /api/v1/openapi.json
void register_landing_bootstrap(httplib::Server& http, AppContext& app);     // GET /api/v1/landing/bootstrap
void register_landing_operator_logo(httplib::Server& http, AppContext& app); // GET /api/v1/landing/operator-logo
void register_landing_drafts(httplib::Server& http, AppContext& app);        // /api/v1/landing/drafts[/{draft_id}]
void register_landing_submit(httplib::Server& http, AppContext& app);        // POST /api/v1/landing/submit/new
void register_landing_documents(httplib::Server& http, AppContext& app); // GET /api/v1/landing/contracts/{id}/document
void register_landing_clients(httplib::Server& http,
                              AppContext& app); // /api/v1/landing/clients/verify-cin, /{cin}/subscriptions
void register_landing_plan_change(httplib::Server& http, AppContext& app); // POST /api/v1/landing/submit/plan-change
// POST /api/v1/landing/contracts/{id}/cancellation, DELETE .../scheduled-changes/{change_id}
void register_landing_cancellation(httplib::Server& http, AppContext& app);
void register_landing_document_link(httplib::Server& http,
                                    AppContext& app); // POST /api/v1/landing/contracts/{id}/document-link
void register_landing_invoices(
    httplib::Server& http, AppContext& app); // /api/v1/landing/clients/{cin}/invoices, /landing/invoices/{id}/document
void register_contract_documents(httplib::Server& http,
                                 AppContext& app); // staff: /api/v1/contracts/{id}/documents[/{version}]
void register_portal_assets(httplib::Server& http, AppContext& app);       // GET /, /portal.js, /portal.wasm
void register_staff(httplib::Server& http, AppContext& app);               // GET /api/v1/me, /api/v1/admin/ping
void register_offers(httplib::Server& http, AppContext& app);              // /api/v1/offers[/{id}], /offer-categories
void register_collection_payments(httplib::Server& http, AppContext& app); // /api/v1/collections/payments, approve-paid
void register_collection_cases(httplib::Server& http, AppContext& app);    // /api/v1/collections/overview, /cases...
void register_customers(httplib::Server& http, AppContext& app);           // /api/v1/customers[/{client_id}]
void register_contracts(httplib::Server& http, AppContext& app);           // /api/v1/contracts[...] (P4-P6)
void register_billing_runs(httplib::Server& http, AppContext& app);        // /api/v1/billing/runs[/preview]
void register_invoices(httplib::Server& http, AppContext& app);            // GET /api/v1/invoices[/{invoice_id}]
void register_staff_sessions(httplib::Server& http, AppContext& app);      // /api/v1/staff/session, /staff/me/...
void register_staff_accounts(httplib::Server& http, AppContext& app);      // /api/v1/staff/accounts..., /staff/audit
void register_staff_today(httplib::Server& http, AppContext& app);         // GET /api/v1/staff/today
void register_events(httplib::Server& http, AppContext& app);              // GET /api/v1/events
void register_webhooks(httplib::Server& http, AppContext& app);            // /api/v1/webhooks[...]

inline void register_all(httplib::Server& http, AppContext& app) {
    register_health(http, app);
    register_openapi(http, app);
    register_landing_bootstrap(http, app);
    register_landing_operator_logo(http, app);
    register_landing_drafts(http, app);
    register_landing_submit(http, app);
    register_landing_documents(http, app);
    register_landing_clients(http, app);
    register_landing_plan_change(http, app);
    register_landing_cancellation(http, app);
    register_landing_document_link(http, app);
    register_landing_invoices(http, app);
    register_portal_assets(http, app);
    register_staff(http, app);
    register_staff_sessions(http, app);
    register_staff_accounts(http, app);
    register_staff_today(http, app);
    register_events(http, app);
    register_webhooks(http, app);
    register_offers(http, app);
    register_collection_payments(http, app);
    register_collection_cases(http, app);
    register_customers(http, app);
    register_contracts(http, app);
    register_contract_documents(http, app);
    register_billing_runs(http, app);
    register_invoices(http, app);
}

} // namespace isp::routes
