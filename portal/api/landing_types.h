// What the public landing endpoints (/api/v1/landing/*) answer, as the portal holds it.
// Domain values (Offer, SignupForm, Date) come from shared/; these only group them.
#pragma once
#include <string>
#include <vector>

#include "shared/domain/contract.h"
#include "shared/domain/date.h"
#include "shared/domain/invoice.h"
#include "shared/domain/offer.h"
#include "shared/signup/signup_form.h"

namespace isp::portal {

struct OfferFamily {
    ServiceFamily family = ServiceFamily::Mobile;
    std::string label_fr;
    std::string label_en;
    std::vector<Offer> offers;
};

// GET /landing/bootstrap: everything the landing journey needs before the first click.
struct Bootstrap {
    std::string operator_name;
    std::string operator_logo_url; // "" when the operator has no logo
    std::string currency;
    Date today; // the server's date: check_signup() must judge start dates as the server will
    std::vector<OfferFamily> families;
    std::vector<int> commitment_options;
    int max_start_days_ahead = 90;
    int draft_ttl_days = 30;

    const Offer* find_offer(const std::string& offer_id) const {
        for (const OfferFamily& f : families)
            for (const Offer& o : f.offers)
                if (o.offer_id == offer_id)
                    return &o;
        return nullptr;
    }
};

// A saved, unfinished signup (POST/PUT/GET /landing/drafts).
struct Draft {
    std::string draft_id;
    SignupForm form;
    std::string step;
    std::string expires_at; // UTC timestamp as the server wrote it
};

// POST /landing/submit/new succeeded: the contract now exists.
struct NewContract {
    std::string contract_id;
    std::string contract_number; // "CTR-2026-000001"
    std::string client_id;
    std::string status;
    std::string contract_start_date;
    Offer offer;
    std::string document_download_url; // relative to the site, carries a signed expiring token
    std::string document_url_expires_at;
};

// POST /landing/clients/verify-cin succeeded: a short-lived token for this client's data.
struct Verification {
    std::string lookup_token;
    std::string expires_at;
    std::string client_id;
    std::string first_name;
};

// An offer a subscription may move to, as the server judged it.
struct EligibleOffer {
    Offer offer;
    std::string direction; // "upgrade" or "downgrade"
    Money monthly_difference;
};

// One contract of the verified client (GET /landing/clients/{cin}/subscriptions).
struct Subscription {
    Contract contract; // offer_id, subscriber, start date, commitment, status, version
    Offer offer;
    Money monthly_price;
    Money monthly_price_with_tax;
    std::string commitment_end; // ISO date, "" without commitment
    std::vector<EligibleOffer> eligible_offers;
};

struct Subscriptions {
    std::string client_id;
    std::string first_name;
    std::vector<Subscription> subscriptions;
};

// A signed, expiring link to a contract document version.
struct DocumentLink {
    std::string contract_id;
    int document_version = 1;
    std::string document_download_url; // relative to the site
    std::string document_url_expires_at;
};

// POST /landing/submit/plan-change succeeded: the contract has a new offer and document version.
struct PlanChangeResult {
    std::string contract_id;
    std::string contract_number;
    std::string direction;
    std::string effective_date;
    Offer previous_offer;
    Offer offer;
    Money monthly_difference;
    DocumentLink document;
};

// One of the verified client's invoices (GET /landing/clients/{cin}/invoices), with its
// lines, the status the server judged for today and a signed link to its PDF.
struct ClientInvoice {
    Invoice invoice;
    InvoiceStatus status = InvoiceStatus::Open; // overdue included
    std::string document_download_url;          // relative to the site
};

struct ClientInvoices {
    std::vector<ClientInvoice> invoices; // newest first
    std::int64_t total = 0;              // all the client's invoices, beyond this page too
};

} // namespace isp::portal
