// CustomerJourney's cancellation (issue #15): the customer picks when their subscription ends
// - the day after the commitment ends, at no cost, or a date they type, with the early
// termination amount computed before they confirm by the function the server bills with -
// then confirms; and takes back a pending change they asked for from the dashboard.
#include "portal/app/customer_journey.h"

#include "shared/billing/early_termination.h"
#include "shared/signup/messages.h"
#include "shared/wire/problem_codes.h"
#include "webapp/platform/browser.h"

namespace isp::portal {

Date CustomerJourney::commitment_end_termination(const Subscription& s) const {
    const auto end = commitment_end(s.contract.contract_start_date, s.contract.commitment_months);
    const Date today = catalog_ ? catalog_->today : Date{};
    return end && today <= *end ? end->plus_days(1) : today;
}

std::optional<Date> CustomerJourney::chosen_termination_date() const {
    const Subscription* s = selected();
    if (!s)
        return std::nullopt;
    if (cancellation_choice_ == CancellationChoice::CommitmentEnd)
        return commitment_end_termination(*s);
    if (termination_date_error())
        return std::nullopt;
    return parse_iso_date(termination_date_);
}

std::optional<std::string> CustomerJourney::termination_date_error() const {
    if (cancellation_choice_ != CancellationChoice::ChosenDate)
        return std::nullopt;
    for (const FieldError& e : server_errors_)
        if (e.field == "termination_date")
            return e.message;
    const char* code = nullptr;
    const auto date = parse_iso_date(termination_date_);
    if (termination_date_.empty())
        code = "required";
    else if (!date)
        code = "invalid_date";
    else if (catalog_ && *date < catalog_->today)
        code = "termination_date_in_past";
    if (!code)
        return std::nullopt;
    return std::string{validation_message(code, language_)};
}

std::optional<Money> CustomerJourney::early_termination_preview() const {
    const Subscription* s = selected();
    const auto date = chosen_termination_date();
    if (!s || !date)
        return std::nullopt;
    return early_termination_amount(subscriptions_.early_termination_rule, *date,
                                    commitment_end(s->contract.contract_start_date, s->contract.commitment_months),
                                    s->monthly_price);
}

void CustomerJourney::open_cancellation(const std::string& contract_id) {
    if (contract_id != contract_id_) {
        contract_id_ = contract_id;
        termination_date_.clear();
        cancellation_choice_ = CancellationChoice::CommitmentEnd;
    }
    attempted_ = false;
    server_errors_.clear();
    notice_.reset();
    cancellation_attempt_.reset();
    step_ = CustomerStep::Cancellation;
}

void CustomerJourney::choose_cancellation(CancellationChoice choice) {
    cancellation_choice_ = choice;
    server_errors_.clear();
    notice_.reset();
}

void CustomerJourney::confirm_cancellation() {
    if (busy_ != CustomerBusy::None)
        return;
    attempted_ = true;
    notice_.reset();
    server_errors_.clear();
    const auto date = chosen_termination_date();
    if (!date) {
        show(Text::FixFields);
        return;
    }
    const std::string when = date->to_iso();
    const bool retry = cancellation_attempt_ && cancellation_attempt_->network_failed &&
                       cancellation_attempt_->contract_id == contract_id_ &&
                       cancellation_attempt_->effective_date == when;
    if (!retry)
        cancellation_attempt_ = Attempt{"cnl_" + webapp::platform::random_hex(16), contract_id_, "", when, false};
    cancellation_attempt_->network_failed = false;
    busy_ = CustomerBusy::Cancelling;
    api_.cancel_subscription(token_, contract_id_, when, cancellation_attempt_->idempotency_key,
                             [this](ApiResult<CancellationResult> result) {
                                 busy_ = CustomerBusy::None;
                                 if (result.value) {
                                     cancellation_ = std::move(*result.value);
                                     cancellation_attempt_.reset();
                                     attempted_ = false;
                                     step_ = CustomerStep::Cancelled;
                                     return;
                                 }
                                 write_failed(result.error, cancellation_attempt_);
                             });
}

void CustomerJourney::cancel_scheduled_change(const std::string& contract_id, const std::string& change_id) {
    if (busy_ != CustomerBusy::None)
        return;
    notice_.reset();
    busy_ = CustomerBusy::Cancelling;
    api_.cancel_scheduled_change(token_, contract_id, change_id,
                                 [this, contract_id](ApiResult<ContractScheduledChanges> result) {
                                     busy_ = CustomerBusy::None;
                                     if (!result.value) {
                                         if (!token_lost(result.error))
                                             show_server(result.error, Text::RequestRejected);
                                         return;
                                     }
                                     for (Subscription& s : subscriptions_.subscriptions) {
                                         if (s.contract.contract_id != contract_id)
                                             continue;
                                         // What is left keeps whether the customer may take it back.
                                         std::vector<bool> cancellable;
                                         for (const ScheduledChange& left : result.value->scheduled_changes) {
                                             bool mine = false;
                                             for (std::size_t i = 0; i < s.scheduled_changes.size(); ++i)
                                                 if (s.scheduled_changes[i].change_id == left.change_id)
                                                     mine = i < s.cancellable.size() && s.cancellable[i];
                                             cancellable.push_back(mine);
                                         }
                                         s.scheduled_changes = result.value->scheduled_changes;
                                         s.cancellable = std::move(cancellable);
                                     }
                                     show(Text::ScheduledChangeCancelled, false);
                                 });
}

} // namespace isp::portal
