#include "server/services/existing_clients.h"

#include "server/clock/clock.h"
#include "server/config/server_config.h"
#include "server/services/client_identity.h"
#include "server/services/contract_documents.h"
#include "server/services/invoice_documents.h"
#include "server/services/plan_change_service.h"
#include "server/services/scheduled_changes.h"
#include "server/services/service_context.h"
#include "server/store/catalog_store.h"
#include "server/store/contract_store.h"
#include "server/store/database.h"
#include "server/store/invoice_store.h"
#include "server/store/scheduled_change_store.h"
#include "shared/billing/proration.h"

namespace isp::services {

Client verify_client(ServiceContext& ctx, ClientIdentity& identity, std::string_view cin,
                     std::string_view service_identifier, const ProofOrigin& origin) {
    return ctx.db.read([&](store::Connection& c) {
        return identity.verify(c, origin.remote_address, cin, service_identifier, origin.device_token, origin.language);
    });
}

namespace {

// The contract's next invoice as the billing run would bill it (shared/billing/proration.h):
// the first month from today's not invoiced yet, on the offer and status periods with the
// pending changes as they will be made.
void estimate_next_invoice(store::Connection& c, wire::Subscription& s, const Date& today, const OfferLookup& find) {
    std::vector<OfferChange> offers;
    for (const OfferPeriod& p : store::list_offer_periods(c, s.contract.contract_id))
        offers.push_back({p.offer_id, p.effective_from});
    std::vector<StatusChange> statuses;
    for (const StatusPeriod& p : store::list_status_periods(c, s.contract.contract_id))
        statuses.push_back({p.status, p.effective_from});
    for (const ScheduledChange& change : s.scheduled_changes) {
        if (change.kind == ScheduledChangeKind::Offer)
            offers.push_back({change.offer_id, change.effective_date});
        else
            statuses.push_back({change.status, change.effective_date});
    }
    BillingPeriod period = billing_period_of(today);
    for (int ahead = 0; ahead < 2; ++ahead) {
        if (!store::contract_invoiced_for(c, s.contract.contract_id, period.to_string())) {
            const ProratedBill bill = prorate(period, offers, statuses, find);
            if (!bill.empty()) {
                s.next_invoice_period = period.to_string();
                s.next_invoice_estimate = Money{bill.total_minor, bill.currency};
            }
            return;
        }
        period = billing_period_of(period.last_day().plus_days(1));
    }
}

} // namespace

wire::Subscriptions client_subscriptions(ServiceContext& ctx, const ClientIdentity& identity,
                                         std::string_view lookup_token, std::string_view cin) {
    return ctx.db.read([&](store::Connection& c) {
        const Client client = identity.client_for_cin(c, lookup_token, cin);
        const Date today = ctx.clock.today_utc();
        const store::ClientBalance balance =
            store::client_balance(c, client.client_id, today, ctx.config.operator_profile.currency);
        wire::Subscriptions out{client.client_id, client.first_name, {}, ctx.config.early_termination_rule,
                                balance.due,      balance.past_due};
        const std::vector<Offer> catalog = store::list_offers(c, false);
        const OfferLookup find = [&catalog](const std::string& id) -> const Offer* {
            for (const Offer& o : catalog)
                if (o.offer_id == id)
                    return &o;
            return nullptr;
        };
        std::vector<Offer> on_sale;
        for (const Offer& o : catalog)
            if (o.active)
                on_sale.push_back(o);
        for (const Contract& k : store::list_live_contracts_of_client(c, client.client_id))
            if (const auto offer = store::find_offer(c, k.offer_id)) {
                wire::Subscription s = wire::subscription(k, *offer, on_sale);
                s.scheduled_changes = store::list_pending_changes(c, k.contract_id);
                for (const ScheduledChange& change : s.scheduled_changes)
                    s.cancellable.push_back(cancellable_by_customer(change));
                estimate_next_invoice(c, s, today, find);
                out.subscriptions.push_back(std::move(s));
            }
        return out;
    });
}

ContractDocumentLink contract_document_link(ServiceContext& ctx, ClientIdentity& identity, std::string_view contract_id,
                                            std::string_view lookup_token, std::string_view cin,
                                            std::string_view service_identifier, const ProofOrigin& origin) {
    ContractDocumentLink out;
    const Contract contract = ctx.db.read([&](store::Connection& c) {
        if (lookup_token.empty())
            out.proven = identity.verify(c, origin.remote_address, cin, service_identifier, origin.device_token,
                                         origin.language);
        const std::string client_id = out.proven ? out.proven->client_id : identity.client_of(lookup_token);
        auto k = store::find_contract(c, contract_id);
        if (!k || k->client_id != client_id)
            refuse_contract_not_owned();
        return *k;
    });
    out.link = ctx.documents.current_link(contract);
    return out;
}

wire::ClientInvoices client_invoices(ServiceContext& ctx, const ClientIdentity& identity, std::string_view lookup_token,
                                     std::string_view cin, std::optional<InvoiceStatus> status, std::int64_t page,
                                     std::int64_t per_page) {
    store::InvoiceFilter filter;
    filter.today = ctx.clock.today_utc();
    filter.status = status;
    return ctx.db.read([&](store::Connection& c) {
        const Client client = identity.client_for_cin(c, lookup_token, cin);
        filter.client_id = client.client_id;
        wire::ClientInvoices out;
        out.pagination = wire::Pagination{page, per_page, store::count_invoices(c, filter)};
        // With their lines: a client's month has a handful, and the portal shows them.
        std::vector<Invoice> invoices =
            store::list_invoices_page(c, filter, default_invoice_sort, per_page, (page - 1) * per_page);
        store::attach_lines(c, invoices);
        for (Invoice& invoice : invoices) {
            const DocumentLink link = ctx.invoice_documents.link(invoice.invoice_id);
            const InvoiceStatus as_of_today = invoice_status(invoice, filter.today);
            out.invoices.push_back(wire::ClientInvoice{std::move(invoice), as_of_today, link.url, link.expires_at});
        }
        return out;
    });
}

std::string contract_pdf_for_token(ServiceContext& ctx, std::string_view contract_id, std::string_view token) {
    return ctx.db.read([&](store::Connection& c) { return ctx.documents.render_for_token(c, contract_id, token); });
}

std::string invoice_pdf_for_token(ServiceContext& ctx, std::string_view invoice_id, std::string_view token) {
    return ctx.db.read(
        [&](store::Connection& c) { return ctx.invoice_documents.render_for_token(c, invoice_id, token); });
}

} // namespace isp::services
