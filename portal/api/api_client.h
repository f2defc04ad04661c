// The portal's only way to the server: one method per API call it makes, JSON in and
// out through shared/wire, results handed to a callback as domain values or an ApiError.
#pragma once
#include <functional>
#include <optional>
#include <string>

#include "portal/api/landing_types.h"
#include "shared/domain/money.h"
#include "shared/signup/signup_form.h"
#include "webapp/api/api_call.h"

namespace isp::portal {

using webapp::ApiCallback;
using webapp::ApiError;
using webapp::ApiResult;

class ApiClient {
public:
    // `base` is relative to the page so the portal also works behind a path prefix.
    explicit ApiClient(std::string base = "api/v1") : base_(std::move(base)) {}

    // Problem details come back in this language (Accept-Language).
    void set_language(Language language) { language_ = language; }

    void bootstrap(ApiCallback<Bootstrap> done);
    void create_draft(const SignupForm& form, const std::string& step, ApiCallback<Draft> done);
    void update_draft(const std::string& draft_id, const SignupForm& form, const std::string& step,
                      ApiCallback<Draft> done);
    void get_draft(const std::string& draft_id, ApiCallback<Draft> done);
    // `draft_id` may be empty. The same `idempotency_key` replays the same attempt. With a
    // `lookup_token`, a verified client adds a line (only the subscription's fields are read).
    void submit_new(const SignupForm& form, const std::string& draft_id, const std::string& idempotency_key,
                    const std::string& lookup_token, ApiCallback<NewContract> done);

    // Existing customers (issue #6): identity check, then calls carrying its lookup token.
    void verify_cin(const std::string& cin, const std::string& service_identifier, ApiCallback<Verification> done);
    void subscriptions(const std::string& cin, const std::string& lookup_token, ApiCallback<Subscriptions> done);
    void submit_plan_change(const std::string& lookup_token, const std::string& contract_id,
                            const std::string& target_offer_id, const std::string& effective_date,
                            const std::string& idempotency_key, ApiCallback<PlanChangeResult> done);
    // Cancels the subscription from `termination_date` (issue #15); the same key replays.
    void cancel_subscription(const std::string& lookup_token, const std::string& contract_id,
                             const std::string& termination_date, const std::string& idempotency_key,
                             ApiCallback<CancellationResult> done);
    // Takes back a pending change the customer asked for.
    void cancel_scheduled_change(const std::string& lookup_token, const std::string& contract_id,
                                 const std::string& change_id, ApiCallback<ContractScheduledChanges> done);
    void document_link(const std::string& contract_id, const std::string& lookup_token, ApiCallback<DocumentLink> done);
    // The newest invoices (enough for a year and more), each with its lines.
    void invoices(const std::string& cin, const std::string& lookup_token, ApiCallback<ClientInvoices> done);

private:
    std::string base_;
    Language language_ = Language::French;
};

} // namespace isp::portal
