// The new-subscription journey (issue #2): choose an offer, fill in the form, save a
// draft, submit. Holds the journey's state and turns the person's actions into API calls;
// screens read the state and call these commands. Rules come from shared/signup.
// Its screens: "offers", "signup", "confirmation" (and "loading" while a draft loads).
// A client who verified (issue #15) adds a line through the same journey: the form then asks
// only for the subscription (offer, line, start, commitment), their record gives the rest.
#pragma once
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "portal/api/api_client.h"
#include "portal/app/journey.h"
#include "portal/app/known_client.h"
#include "portal/i18n/ui_text.h"
#include "shared/signup/signup_form.h"

namespace isp::portal {

enum class JourneyStep { ChooseOffer, Details, Done };
enum class Busy { None, LoadingDraft, SavingDraft, Submitting };

class SignupJourney : public Journey {
public:
    // Where the journey hands over to the customer's journey (App wires them).
    struct Handovers {
        // What to do when a restored draft was written in the other language.
        std::function<void(Language)> draft_language;
        // Verify who the person is, then come back to add the line: the CIN is someone's
        // (409 verification_required), or the verified client's token expired.
        std::function<void(const std::string& cin)> verify_identity;
        // The verified client is done adding a line: back to their subscriptions.
        std::function<void()> to_account;
    };

    SignupJourney(ApiClient& api, Handovers handovers) : api_(api), handovers_(std::move(handovers)) {}

    // --- Journey -------------------------------------------------------------------------
    void attach(const Bootstrap* catalog) override; // offers and today's date
    void set_language(Language language) override;
    ShownScreen screen() const override;
    // "offers" and "signup" (the form kept, as typed), "confirmation" only after a submit.
    void return_to(std::string_view screen) override;
    std::string_view busy_name() const override;
    const std::optional<Notice>& notice() const override { return notice_; }
    ShownErrors shown_errors() const override;
    void describe(nlohmann::json& state) const override;

    // --- state, read by screens -------------------------------------------------------
    JourneyStep step() const { return step_; }
    Busy busy() const { return busy_; }
    const SignupForm& form() const { return form_; }
    SignupForm& form() { return form_; } // screens bind inputs to it, then report edits
    const Offer* offer() const;
    // The error to show next to `field` now (server's first, then the live check), if any.
    std::optional<std::string_view> shown_error(std::string_view field) const;
    const std::string& draft_id() const { return draft_id_; }
    const std::string& draft_link() const { return draft_link_; }
    bool draft_has_unsaved_changes() const { return !draft_id_.empty() && !(form_ == saved_form_); }
    const std::optional<NewContract>& contract() const { return contract_; }
    // The verified client adding a line, if this signup is one.
    const std::optional<KnownClient>& known_client() const { return known_; }
    // Whether `field` is asked on the form (a known client's identity fields are not).
    bool asks(std::string_view field) const;
    // The last submit was refused because the CIN is a client's: the screen offers to verify.
    bool verification_offered() const { return verification_offered_; }
    // Set after a rejected submit so the screen brings the first wrong field into view once.
    bool take_scroll_to_error() { return std::exchange(scroll_to_error_, false); }
    // Counts successful draft saves: the screen brings the draft link into view on each.
    int drafts_saved() const { return drafts_saved_; }

    // --- commands, from screens and the app --------------------------------------------
    void choose_offer(const std::string& offer_id);
    void change_offer();
    void field_edited(std::string_view field);
    void field_left(std::string_view field);
    void set_commitment(int months);
    void save_draft();
    void submit();
    void load_draft(const std::string& draft_id);
    void start_over();
    // A verified client adds a line: the form keeps the offer, line, dates and commitment
    // already chosen (a signup refused for the CIN goes on where it was), drops the identity
    // fields, and shows the offers or the form.
    void add_line_for(KnownClient client);
    // Back to an ordinary signup (the offers' "cancel" while adding a line).
    void forget_known_client();
    // Verify first (after 409 verification_required): the customer's journey takes over.
    void verify_identity();
    // From the confirmation of an added line: the client's subscriptions.
    void back_to_account();
    // The form as this tab last had it (sessionStorage: survives Back and a reload, never
    // the tab), when there is one; at start, before a draft named in the address.
    void restore_from_tab();
    bool copy_draft_link() const;
    void open_contract_document() const;

    // Text fields of the form by wire name, in display order (offer_id excluded).
    static std::string* text_field(SignupForm& form, std::string_view name);

private:
    const FieldErrors& live_errors() const;
    void on_draft_saved(const Draft& draft, const SignupForm& sent);
    void on_submit_failed(const ApiError& error);
    void show(Text text, bool error = true);
    void show_server(const ApiError& error, Text fallback);
    void keep_in_tab() const;

    ApiClient& api_;
    const Bootstrap* catalog_ = nullptr;
    Handovers handovers_;
    std::optional<KnownClient> known_;
    bool verification_offered_ = false;

    JourneyStep step_ = JourneyStep::ChooseOffer;
    Busy busy_ = Busy::None;
    SignupForm form_;
    std::set<std::string, std::less<>> touched_; // fields the person has left at least once
    bool submit_attempted_ = false;
    FieldErrors server_errors_; // cleared field by field as the person edits
    std::optional<Notice> notice_;
    bool scroll_to_error_ = false;

    std::string draft_id_;
    std::string draft_link_;
    SignupForm saved_form_; // as last saved in the draft
    int drafts_saved_ = 0;

    // One submission attempt: a fresh Idempotency-Key, reused only to retry the same form
    // after the network failed (the server then replays the first answer, never twice).
    struct Attempt {
        std::string idempotency_key;
        SignupForm form;
        std::string known_cin; // who it was for: another client is another attempt
        bool network_failed = false;
    };
    std::optional<Attempt> attempt_;
    std::optional<NewContract> contract_;

    mutable SignupForm checked_form_;
    mutable std::optional<FieldErrors> checked_errors_;
};

} // namespace isp::portal
