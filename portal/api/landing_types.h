// What the public landing endpoints (/api/v1/landing/*) answer, as the portal holds it:
// the shared wire types the server writes (shared/wire/), under the portal's names.
#pragma once
#include "shared/wire/bootstrap_json.h"
#include "shared/wire/cancellation_json.h"
#include "shared/wire/client_invoice_json.h"
#include "shared/wire/document_link_json.h"
#include "shared/wire/draft_json.h"
#include "shared/wire/new_contract_json.h"
#include "shared/wire/plan_change_json.h"
#include "shared/wire/scheduled_change_json.h"
#include "shared/wire/subscription_json.h"
#include "shared/wire/verification_json.h"

namespace isp::portal {

using wire::Bootstrap;
using wire::CancellationResult;
using wire::ClientInvoice;
using wire::ClientInvoices;
using wire::ContractScheduledChanges;
using wire::DocumentLink;
using wire::Draft;
using wire::EligibleOffer;
using wire::NewContract;
using wire::OfferFamily;
using wire::PlanChangeResult;
using wire::Subscription;
using wire::Subscriptions;
using wire::Verification;

} // namespace isp::portal
