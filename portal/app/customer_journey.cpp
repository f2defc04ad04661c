#include "portal/app/customer_journey.h"

#include <algorithm>
#include <utility>

#include <nlohmann/json.hpp>

#include "shared/billing/plan_change.h"
#include "shared/domain/cin.h"
#include "shared/domain/money.h"
#include "shared/domain/service_identifier.h"
#include "shared/signup/messages.h"
#include "shared/signup/proof_of_identity.h"
#include "shared/wire/problem_codes.h"
#include "webapp/platform/browser.h"
#include "webapp/platform/page_history.h"

namespace isp::portal {
namespace {

// The date field is judged as soon as it holds a whole date (YYYY-MM-DD).
constexpr std::size_t iso_date_length = 10;

// The contract whose plan is being changed, in this tab's storage (as the signup form is), so
// that a reload of /#/plan-change returns to it once verified again; nothing typed goes there.
constexpr std::string_view plan_change_tab_key = "plan_change";

std::string_view wire_field(std::string_view field) {
    return field == "effective_date" ? std::string_view{"contract_start_date"} : field;
}

} // namespace

ShownScreen CustomerJourney::screen() const {
    switch (step_) {
    case CustomerStep::Inactive: break;
    case CustomerStep::Verify: return ShownScreen{"verify"};
    case CustomerStep::Dashboard: return ShownScreen{"dashboard"};
    case CustomerStep::PlanChange: return ShownScreen{"plan_change"};
    case CustomerStep::PlanChanged: return ShownScreen{"plan_changed"};
    case CustomerStep::Invoices: return ShownScreen{"invoices"};
    case CustomerStep::Cancellation: return ShownScreen{"cancellation"};
    case CustomerStep::Cancelled: return ShownScreen{"cancelled"};
    }
    return ShownScreen{};
}

std::string_view CustomerJourney::address() const {
    if (busy_ == CustomerBusy::LoadingInvoices || (step_ == CustomerStep::Verify && resume_invoices_))
        return "invoices";
    if (step_ == CustomerStep::Verify && resume_)
        return "plan_change";
    if (step_ == CustomerStep::Verify && resume_dashboard_)
        return "dashboard";
    if (step_ == CustomerStep::Verify && resume_add_line_)
        return "signup";
    return screen().name;
}

void CustomerJourney::return_to(std::string_view screen) {
    if (busy_ != CustomerBusy::None)
        return;
    notice_.reset();
    if (screen == "verify" || token_.empty()) {
        step_ = CustomerStep::Verify;
        resume_invoices_ = screen == "invoices";
        if (screen == "plan_change" && contract_id_.empty()) // a reload: the contract this tab was changing
            contract_id_ = webapp::platform::tab_value(plan_change_tab_key);
        resume_ = screen == "plan_change" && !contract_id_.empty();
        resume_dashboard_ = screen != "verify" && !resume_invoices_ && !resume_;
        resume_add_line_ = false;
        return;
    }
    if (screen == "invoices") {
        if (step_ != CustomerStep::Invoices)
            open_invoices();
    } else if (screen == "plan_change" && selected()) {
        step_ = CustomerStep::PlanChange;
    } else if (screen == "plan_changed" && result_) {
        step_ = CustomerStep::PlanChanged;
    } else if (screen == "cancellation" && selected()) {
        step_ = CustomerStep::Cancellation;
    } else if (screen == "cancelled" && cancellation_) {
        step_ = CustomerStep::Cancelled;
    } else {
        back_to_dashboard();
    }
}

std::string_view CustomerJourney::busy_name() const {
    switch (busy_) {
    case CustomerBusy::None: break;
    case CustomerBusy::Verifying: return "verifying";
    case CustomerBusy::Loading: return "loading_subscriptions";
    case CustomerBusy::Submitting: return "changing_plan";
    case CustomerBusy::Linking: return "document_link";
    case CustomerBusy::LoadingInvoices: return "loading_invoices";
    case CustomerBusy::Cancelling: return "cancelling";
    }
    return "";
}

ShownErrors CustomerJourney::shown_errors() const {
    ShownErrors errors;
    for (const char* field :
         {"verify_cin", "verify_line", "target_offer_id", "effective_date", "contract_id", "termination_date"})
        if (auto e = shown_error(field))
            errors.emplace_back(field, std::move(*e));
    return errors;
}

// While the journey has the page: its typed fields (in "form", so tests type into them like
// into the signup form), the subscriptions, the plan change and its preview, the invoices.
void CustomerJourney::describe(nlohmann::json& state) const {
    if (step_ == CustomerStep::Inactive)
        return;
    state["form"]["verify_cin"] = cin_;
    state["form"]["verify_line"] = line_;
    state["form"]["effective_date"] = effective_date_;
    state["form"]["target_offer_id"] = target_offer_id_;
    state["form"]["termination_date"] = termination_date_;
    state["first_name"] = first_name_;
    nlohmann::json subscriptions = nlohmann::json::array();
    for (const Subscription& s : subscriptions_.subscriptions) {
        nlohmann::json eligible = nlohmann::json::array();
        for (const EligibleOffer& e : s.eligible_offers)
            eligible.push_back({{"offer_id", e.offer.offer_id},
                                {"name", e.offer.name},
                                {"direction", e.direction},
                                {"monthly_difference", format_money(e.monthly_difference, language_)}});
        nlohmann::json scheduled = nlohmann::json::array();
        for (std::size_t i = 0; i < s.scheduled_changes.size(); ++i) {
            const ScheduledChange& c = s.scheduled_changes[i];
            scheduled.push_back(
                {{"change_id", c.change_id},
                 {"kind", std::string{to_string(c.kind)}},
                 {"status", c.kind == ScheduledChangeKind::Status ? std::string{to_string(c.status)} : std::string{}},
                 {"offer_id", c.offer_id},
                 {"effective_date", c.effective_date.to_iso()},
                 {"cancellable", i < s.cancellable.size() && s.cancellable[i]}});
        }
        subscriptions.push_back(
            {{"contract_id", s.contract.contract_id},
             {"offer", s.offer.name},
             {"service_identifier", s.contract.service_identifier},
             {"document_version", s.contract.document_version},
             {"eligible_offers", std::move(eligible)},
             {"scheduled_changes", std::move(scheduled)},
             {"next_invoice", s.next_invoice_period.empty()
                                  ? nlohmann::json(nullptr)
                                  : nlohmann::json{{"period", s.next_invoice_period},
                                                   {"estimate", format_money(s.next_invoice_estimate, language_)}}}});
    }
    state["subscriptions"] = std::move(subscriptions);
    state["balance_due"] = format_money(subscriptions_.balance_due, language_);
    state["balance_past_due"] = format_money(subscriptions_.balance_past_due, language_);
    if (result_)
        state["plan_change"] = {
            {"contract_id", result_->contract_id},
            {"offer", result_->offer.name},
            {"direction", result_->direction},
            {"effective_date", result_->effective_date},
            {"document_version", result_->document.document_version},
            {"document_download_url", result_->document.document_download_url},
            // Dated later: pending until its date, the contract as it was.
            {"scheduled_change_id", result_->scheduled ? nlohmann::json(result_->scheduled->change_id) : nullptr}};
    else
        state["plan_change"] = nullptr;
    nlohmann::json invoices = nlohmann::json::array();
    for (const ClientInvoice& i : invoices_.invoices)
        invoices.push_back({{"invoice_id", i.invoice.invoice_id},
                            {"invoice_number", i.invoice.invoice_number},
                            {"period", i.invoice.period},
                            {"status", std::string{to_string(i.status)}},
                            {"total", format_money(Money{i.invoice.total_minor, i.invoice.currency}, language_)},
                            {"lines", i.invoice.lines.size()},
                            {"document_download_url", i.document_download_url}});
    state["invoices"] = std::move(invoices);
    state["invoice_filter"] =
        invoice_filter_ ? nlohmann::json(std::string{to_string(*invoice_filter_)}) : nlohmann::json(nullptr);
    state["expanded_invoice"] = expanded_invoice_;
    state["cancellation_choice"] =
        cancellation_choice_ == CancellationChoice::CommitmentEnd ? "commitment_end" : "chosen_date";
    if (const auto date = chosen_termination_date())
        state["cancellation_preview"] = {
            {"termination_date", date->to_iso()},
            {"early_termination_amount", format_money(early_termination_preview().value_or(Money{}), language_)}};
    else
        state["cancellation_preview"] = nullptr;
    if (cancellation_)
        state["cancellation"] = {
            {"contract_id", cancellation_->cancellation.contract_id},
            {"termination_date", cancellation_->cancellation.termination_date.to_iso()},
            {"early_termination_amount", format_money(cancellation_->cancellation.early_termination_amount, language_)},
            {"document_version", cancellation_->document.document_version},
            {"document_download_url", cancellation_->document.document_download_url}};
    else
        state["cancellation"] = nullptr;
    if (const auto bill = first_invoice_preview())
        state["plan_change_preview"] = {{"total", format_money(Money{bill->total_minor, bill->currency}, language_)},
                                        {"lines", bill->lines.size()}};
    else
        state["plan_change_preview"] = nullptr;
}

const Subscription* CustomerJourney::selected() const {
    for (const Subscription& s : subscriptions_.subscriptions)
        if (s.contract.contract_id == contract_id_)
            return &s;
    return nullptr;
}

const EligibleOffer* CustomerJourney::target() const {
    if (const Subscription* s = selected())
        for (const EligibleOffer& e : s->eligible_offers)
            if (e.offer.offer_id == target_offer_id_)
                return &e;
    return nullptr;
}

std::optional<ProratedBill> CustomerJourney::first_invoice_preview() const {
    const Subscription* s = selected();
    const EligibleOffer* t = target();
    if (!s || !t || live_error("effective_date") || live_error("target_offer_id"))
        return std::nullopt;
    const auto effective = parse_iso_date(effective_date_);
    if (!effective)
        return std::nullopt;
    // The month of the change: the current offer until the day before, the new one from it
    // (the contract is active: only active contracts change plan).
    const BillingPeriod period = billing_period_of(*effective);
    const Date from = std::max(period.first_day(), s->contract.contract_start_date);
    const std::vector<OfferChange> offers = {{s->offer.offer_id, std::min(from, *effective)},
                                             {t->offer.offer_id, *effective}};
    const std::vector<StatusChange> statuses = {{ContractStatus::Active, std::min(from, *effective)}};
    const ProratedBill bill = prorate(period, offers, statuses, [&](const std::string& id) -> const Offer* {
        return id == s->offer.offer_id ? &s->offer : id == t->offer.offer_id ? &t->offer : nullptr;
    });
    if (bill.empty())
        return std::nullopt;
    return bill;
}

std::optional<std::string> CustomerJourney::live_error(std::string_view field) const {
    if (field == "termination_date")
        return termination_date_error();
    if (field == "verify_cin" || field == "verify_line") {
        // The server's own check of the proof (shared/signup/proof_of_identity.h).
        const CheckedProof proof = check_proof_of_identity(cin_, line_, language_);
        const std::string_view wire_name = field == "verify_cin" ? "cin" : "service_identifier";
        for (const FieldError& e : proof.errors)
            if (e.field == wire_name)
                return e.message;
        return std::nullopt;
    }
    const Subscription* s = selected();
    if (!s || !catalog_)
        return std::nullopt;
    const EligibleOffer* t = target();
    // The same rule the server runs before it writes (shared/billing/plan_change.h).
    const FieldErrors errors =
        check_plan_change(s->contract, s->offer, t ? &t->offer : nullptr, effective_date_, catalog_->today, language_);
    for (const FieldError& e : errors)
        if (e.field == wire_field(field))
            return e.message;
    return std::nullopt;
}

std::optional<std::string> CustomerJourney::shown_error(std::string_view field) const {
    for (const FieldError& e : server_errors_)
        if (e.field == wire_field(field))
            return e.message;
    const bool typed_whole_date = field == "effective_date" && effective_date_.size() >= iso_date_length;
    if (!attempted_ && !touched_.contains(field) && !typed_whole_date)
        return std::nullopt;
    return live_error(field);
}

void CustomerJourney::show_server(const ApiError& error, Text fallback) {
    notice_ = notice_for(error, fallback);
}

void CustomerJourney::start() {
    step_ = token_.empty() ? CustomerStep::Verify : CustomerStep::Dashboard;
    notice_.reset();
}

void CustomerJourney::leave() {
    step_ = CustomerStep::Inactive;
    notice_.reset();
    resume_ = false;
    resume_invoices_ = false;
    resume_dashboard_ = false;
    resume_add_line_ = false;
}

void CustomerJourney::add_line() {
    if (busy_ != CustomerBusy::None || token_.empty() || !add_line_)
        return;
    step_ = CustomerStep::Inactive; // the signup journey has the page; the token stays here too
    notice_.reset();
    add_line_(KnownClient{token_, verified_cin_, first_name_});
}

void CustomerJourney::reopen_dashboard() {
    if (busy_ != CustomerBusy::None)
        return;
    notice_.reset();
    if (token_.empty()) {
        return_to("dashboard"); // verify first
        return;
    }
    step_ = CustomerStep::Dashboard;
    load_subscriptions();
}

void CustomerJourney::verify_to_add_line(const std::string& cin) {
    if (busy_ != CustomerBusy::None)
        return;
    token_.clear(); // a token that was refused, or none: prove it now
    cin_ = cin;
    line_.clear();
    touched_.clear();
    attempted_ = false;
    server_errors_.clear();
    resume_ = false;
    resume_invoices_ = false;
    resume_dashboard_ = false;
    resume_add_line_ = true;
    step_ = CustomerStep::Verify;
    show(Text::VerifyToAddLine, false);
}

void CustomerJourney::field_edited(std::string_view field) {
    std::erase_if(server_errors_, [&](const FieldError& e) { return e.field == wire_field(field); });
}

void CustomerJourney::field_left(std::string_view field) {
    touched_.emplace(field);
}

void CustomerJourney::verify() {
    if (busy_ != CustomerBusy::None)
        return;
    attempted_ = true;
    notice_.reset();
    const auto cin = normalize_cin(cin_);
    if (!cin || live_error("verify_line")) {
        show(Text::FixFields);
        return;
    }
    busy_ = CustomerBusy::Verifying;
    api_.verify_cin(*cin, line_, [this, cin = *cin](ApiResult<Verification> result) {
        if (!result.value) {
            busy_ = CustomerBusy::None;
            const ApiError& e = result.error;
            if (e.status == 429)
                notice_ = Notice{std::nullopt,
                                 text(Text::TooManyAttempts, language_, std::max(1, e.retry_after_seconds)), true};
            else
                show_server(e, Text::VerificationFailed);
            return;
        }
        token_ = result.value->lookup_token;
        first_name_ = result.value->first_name;
        verified_cin_ = cin;
        attempted_ = false;
        if (resume_add_line_) {
            resume_add_line_ = false;
            busy_ = CustomerBusy::None;
            add_line(); // back to the line being added, with the form as it was
            return;
        }
        load_subscriptions();
    });
}

void CustomerJourney::load_subscriptions() {
    busy_ = CustomerBusy::Loading;
    api_.subscriptions(verified_cin_, token_, [this](ApiResult<Subscriptions> result) {
        busy_ = CustomerBusy::None;
        if (!result.value) {
            if (!token_lost(result.error))
                show_server(result.error, Text::RequestRejected);
            return;
        }
        subscriptions_ = std::move(*result.value);
        if (!subscriptions_.first_name.empty())
            first_name_ = subscriptions_.first_name;
        resume_dashboard_ = false;
        if (resume_invoices_) {
            resume_invoices_ = false;
            open_invoices(); // where the person was
            return;
        }
        if (resume_ && selected()) {
            step_ = CustomerStep::PlanChange; // where the person was, with what they chose
            show(Text::VerifiedContinue, false);
        } else {
            step_ = CustomerStep::Dashboard;
            notice_.reset();
        }
        resume_ = false;
    });
}

void CustomerJourney::write_failed(const ApiError& e, std::optional<Attempt>& attempt) {
    if (e.network()) {
        attempt->network_failed = true;
        show(Text::NetworkRetry);
        return;
    }
    if (token_lost(e))
        return;
    server_errors_ = e.errors;
    if (e.status == 400 && !server_errors_.empty())
        show(Text::FixFields);
    else
        show_server(e, Text::RequestRejected);
}

bool CustomerJourney::token_lost(const ApiError& error) {
    const bool lost = error.code == wire::problem::lookup_token_invalid ||
                      error.code == wire::problem::lookup_token_expired ||
                      error.code == wire::problem::lookup_token_mismatch;
    if (!lost)
        return false;
    resume_ = step_ == CustomerStep::PlanChange;
    resume_invoices_ = step_ == CustomerStep::Invoices;
    token_.clear();
    step_ = CustomerStep::Verify;
    show(error.code == wire::problem::lookup_token_expired ? Text::SessionExpired : Text::SessionInvalid);
    return true;
}

void CustomerJourney::open_plan_change(const std::string& contract_id) {
    if (contract_id != contract_id_) {
        contract_id_ = contract_id;
        target_offer_id_.clear();
        effective_date_.clear();
    }
    webapp::platform::store_tab_value(plan_change_tab_key, contract_id_);
    touched_.erase("effective_date");
    attempted_ = false;
    server_errors_.clear();
    notice_.reset();
    attempt_.reset();
    step_ = CustomerStep::PlanChange;
}

void CustomerJourney::choose_target(const std::string& offer_id) {
    target_offer_id_ = offer_id;
    field_edited("target_offer_id");
}

void CustomerJourney::confirm_change() {
    if (busy_ != CustomerBusy::None)
        return;
    attempted_ = true;
    notice_.reset();
    server_errors_.clear();
    if (live_error("target_offer_id") || live_error("effective_date") || live_error("contract_id")) {
        show(Text::FixFields);
        return;
    }
    const bool retry = attempt_ && attempt_->network_failed && attempt_->contract_id == contract_id_ &&
                       attempt_->target_offer_id == target_offer_id_ && attempt_->effective_date == effective_date_;
    if (!retry)
        attempt_ =
            Attempt{"chg_" + webapp::platform::random_hex(16), contract_id_, target_offer_id_, effective_date_, false};
    attempt_->network_failed = false;
    busy_ = CustomerBusy::Submitting;
    api_.submit_plan_change(token_, contract_id_, target_offer_id_, effective_date_, attempt_->idempotency_key,
                            [this](ApiResult<PlanChangeResult> result) {
                                busy_ = CustomerBusy::None;
                                if (result.value) {
                                    result_ = std::move(*result.value);
                                    attempt_.reset();
                                    attempted_ = false;
                                    notice_.reset();
                                    step_ = CustomerStep::PlanChanged;
                                    return;
                                }
                                write_failed(result.error, attempt_);
                            });
}

void CustomerJourney::back_to_dashboard() {
    notice_.reset();
    if (step_ == CustomerStep::Cancelled) {
        cancellation_.reset();
        contract_id_.clear();
        termination_date_.clear();
        load_subscriptions(); // the cancelled contract now shows its pending termination
        return;
    }
    if (step_ == CustomerStep::PlanChanged) {
        result_.reset();
        contract_id_.clear();
        webapp::platform::store_tab_value(plan_change_tab_key, ""); // that change is done
        target_offer_id_.clear();
        effective_date_.clear();
        load_subscriptions(); // the changed contract now shows its new offer
        return;
    }
    step_ = CustomerStep::Dashboard;
}

void CustomerJourney::download_contract(const std::string& contract_id) {
    if (busy_ != CustomerBusy::None)
        return;
    // Just after a plan change the answer already carries a fresh link to the new version.
    if (result_ && result_->contract_id == contract_id && !result_->document.document_download_url.empty()) {
        webapp::platform::open_document(result_->document.document_download_url);
        return;
    }
    busy_ = CustomerBusy::Linking;
    notice_.reset();
    api_.document_link(contract_id, token_, [this](ApiResult<DocumentLink> result) {
        busy_ = CustomerBusy::None;
        if (result.value) {
            webapp::platform::open_document(result.value->document_download_url);
            return;
        }
        if (!token_lost(result.error))
            show_server(result.error, Text::RequestRejected);
    });
}

} // namespace isp::portal
