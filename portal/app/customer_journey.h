// The existing-customer journey (issue #6): verify with CIN and line number, see the
// subscriptions, change a subscription's plan, download contract documents, see and
// download invoices (customer_invoices.cpp). Holds the
// journey's state and turns the person's actions into API calls; screens read the state
// and call these commands. Rules come from shared/ (CIN, line number, plan change).
// Cancelling a subscription and taking back a pending change: customer_cancellation.cpp.
// Its screens: "verify", "dashboard", "plan_change", "plan_changed", "invoices", "cancellation",
// "cancelled".
#pragma once
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "portal/api/api_client.h"
#include "portal/app/journey.h"
#include "portal/app/known_client.h"
#include "portal/i18n/ui_text.h"
#include "shared/billing/proration.h"

namespace isp::portal {

enum class CustomerStep { Inactive, Verify, Dashboard, PlanChange, PlanChanged, Invoices, Cancellation, Cancelled };
enum class CustomerBusy { None, Verifying, Loading, Submitting, Linking, LoadingInvoices, Cancelling };
// When a cancellation takes effect: the day after the commitment ends (nothing owed), or a
// date the customer types (the early termination amount shown before confirming).
enum class CancellationChoice { CommitmentEnd, ChosenDate };

class CustomerJourney : public Journey {
public:
    explicit CustomerJourney(ApiClient& api) : api_(api) {}

    // --- Journey: the page is this journey's from "I am already a customer" until it is left
    void attach(const Bootstrap* catalog) override { catalog_ = catalog; }
    void set_language(Language language) override { language_ = language; }
    ShownScreen screen() const override;
    std::string_view address() const override;
    // Without a lookup token (it is held in memory only: a reload loses it) every screen but
    // the offers asks to verify first, then shows the screen asked for.
    void return_to(std::string_view screen) override;
    std::string_view busy_name() const override;
    const std::optional<Notice>& notice() const override { return notice_; }
    ShownErrors shown_errors() const override;
    void describe(nlohmann::json& state) const override;

    // --- state, read by screens -------------------------------------------------------
    CustomerStep step() const { return step_; }
    CustomerBusy busy() const { return busy_; }
    std::string& cin() { return cin_; }
    std::string& line() { return line_; }
    const std::string& cin() const { return cin_; }
    const std::string& line() const { return line_; }
    std::string& effective_date() { return effective_date_; }
    const std::string& effective_date() const { return effective_date_; }
    const std::string& first_name() const { return first_name_; }
    const Subscriptions& subscriptions() const { return subscriptions_; }
    const Subscription* selected() const; // the subscription whose plan is being changed
    const std::string& target_offer_id() const { return target_offer_id_; }
    const EligibleOffer* target() const;
    const std::optional<PlanChangeResult>& change_result() const { return result_; }
    // The invoice of the effective date's month with the change, prorated by the rules the
    // billing run uses (shared/billing/proration.h); none until offer and date are valid.
    std::optional<ProratedBill> first_invoice_preview() const;
    // "verify_cin", "verify_line", "effective_date", "target_offer_id": the error to show now.
    std::optional<std::string> shown_error(std::string_view field) const;
    // The person was sent back to verification in the middle of a plan change.
    bool resuming() const { return resume_; }
    const ClientInvoices& invoices() const { return invoices_; }
    // The status the list is narrowed to; none: every invoice.
    const std::optional<InvoiceStatus>& invoice_filter() const { return invoice_filter_; }
    // The invoice whose lines are shown ("" for none).
    const std::string& expanded_invoice() const { return expanded_invoice_; }
    // The cancellation being prepared (the selected subscription's) and its answer.
    CancellationChoice cancellation_choice() const { return cancellation_choice_; }
    std::string& termination_date() { return termination_date_; }
    const std::string& termination_date() const { return termination_date_; }
    // The first day without commitment for `s`: the day after its end (today without one).
    Date commitment_end_termination(const Subscription& s) const;
    // The date the cancellation would take effect, none while the typed one is not a date.
    std::optional<Date> chosen_termination_date() const;
    // The early termination amount for that date, by the server's own rule and function
    // (shared/billing/early_termination.h), none until there is a date.
    std::optional<Money> early_termination_preview() const;
    const std::optional<CancellationResult>& cancellation_result() const { return cancellation_; }

    // --- commands -----------------------------------------------------------------------
    void start(); // "I am already a customer"
    void leave(); // back to the offers
    // Where "add a line" goes (App: the signup journey, for the verified client).
    void on_add_line(std::function<void(KnownClient)> hand_over) { add_line_ = std::move(hand_over); }
    // The dashboard's "add a line": the signup journey takes the page for this client.
    void add_line();
    // Verify (the CIN filled in), then add a line: a signup refused because the CIN is a
    // client's, or whose token expired, goes on once the person proved who they are.
    void verify_to_add_line(const std::string& cin);
    // Back from adding a line: the dashboard, its subscriptions asked again (the new one in).
    void reopen_dashboard();
    void field_edited(std::string_view field);
    void field_left(std::string_view field);
    void verify();
    void open_plan_change(const std::string& contract_id);
    void choose_target(const std::string& offer_id);
    void confirm_change();
    void back_to_dashboard();
    void download_contract(const std::string& contract_id);
    void open_invoices();
    void set_invoice_filter(std::optional<InvoiceStatus> status) { invoice_filter_ = status; }
    void toggle_invoice(const std::string& invoice_id);
    void download_invoice(const std::string& invoice_id);
    void open_cancellation(const std::string& contract_id);
    void choose_cancellation(CancellationChoice choice);
    void confirm_cancellation();
    // Takes back a pending change the customer asked for (a plan change, a cancellation).
    void cancel_scheduled_change(const std::string& contract_id, const std::string& change_id);

private:
    std::optional<std::string> live_error(std::string_view field) const;
    std::optional<std::string> termination_date_error() const;
    void load_subscriptions();
    // A lookup token problem: back to verification, keeping the plan change in progress.
    bool token_lost(const ApiError& error);
    struct Attempt;
    // A plan change or cancellation refused: retry kept after a network failure (the same
    // Idempotency-Key), verify again for a lookup token problem, else the fields' or the
    // server's words.
    void write_failed(const ApiError& error, std::optional<Attempt>& attempt);
    void show(Text text, bool error = true) { notice_ = Notice{text, {}, error}; }
    void show_server(const ApiError& error, Text fallback);

    ApiClient& api_;
    const Bootstrap* catalog_ = nullptr;
    Language language_ = Language::French;

    CustomerStep step_ = CustomerStep::Inactive;
    CustomerBusy busy_ = CustomerBusy::None;
    std::string cin_, line_;
    std::string verified_cin_; // normalised, as the token was issued for
    std::string token_;
    std::string first_name_;
    Subscriptions subscriptions_;
    std::optional<Notice> notice_;
    FieldErrors server_errors_;
    std::set<std::string, std::less<>> touched_;
    bool attempted_ = false; // verify or confirm pressed: show every error

    std::string contract_id_;
    std::string target_offer_id_;
    std::string effective_date_;
    bool resume_ = false;           // re-verifying to finish a plan change
    bool resume_invoices_ = false;  // re-verifying to see the invoices again
    bool resume_dashboard_ = false; // verifying for the dashboard's address (a reload)
    bool resume_add_line_ = false;  // verifying to go on adding a line
    std::function<void(KnownClient)> add_line_;

    ClientInvoices invoices_;
    std::optional<InvoiceStatus> invoice_filter_;
    std::string expanded_invoice_;

    struct Attempt {
        std::string idempotency_key;
        std::string contract_id, target_offer_id, effective_date;
        bool network_failed = false;
    };
    std::optional<Attempt> attempt_;
    std::optional<PlanChangeResult> result_;

    CancellationChoice cancellation_choice_ = CancellationChoice::CommitmentEnd;
    std::string termination_date_;
    std::optional<Attempt> cancellation_attempt_; // target_offer_id unused
    std::optional<CancellationResult> cancellation_;
};

} // namespace isp::portal
