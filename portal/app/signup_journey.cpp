#include "portal/app/signup_journey.h"

#include <algorithm>
#include <utility>

#include <nlohmann/json.hpp>

#include "shared/wire/problem_codes.h"
#include "shared/wire/signup_json.h"
#include "webapp/platform/browser.h"
#include "webapp/platform/page_history.h"

namespace isp::portal {
namespace {

constexpr const char* draft_step = "details";

// Conflicts the server reports without a field list, mapped to the field they are about so
// the message shows where the person can fix it.
std::string_view field_of_conflict(std::string_view code) {
    if (code == wire::problem::service_identifier_in_use)
        return "service_identifier";
    if (code == wire::problem::verification_required)
        return "cin";
    return {};
}

} // namespace

void SignupJourney::attach(const Bootstrap* catalog) {
    catalog_ = catalog;
    checked_errors_.reset();
}

ShownScreen SignupJourney::screen() const {
    if (busy_ == Busy::LoadingDraft)
        return ShownScreen{ShownScreen::loading, Text::LoadingDraft};
    switch (step_) {
    case JourneyStep::ChooseOffer: break;
    case JourneyStep::Details: return ShownScreen{"signup"};
    case JourneyStep::Done: return ShownScreen{"confirmation"};
    }
    return ShownScreen{"offers"}; // the home page: the journey in front when no other has the page
}

std::string_view SignupJourney::busy_name() const {
    switch (busy_) {
    case Busy::None: break;
    case Busy::LoadingDraft: return "loading_draft";
    case Busy::SavingDraft: return "saving_draft";
    case Busy::Submitting: return "submitting";
    }
    return "";
}

ShownErrors SignupJourney::shown_errors() const {
    ShownErrors errors;
    for (const SignupField& f : signup_fields())
        if (const auto e = shown_error(f.name); e && asks(f.name))
            errors.emplace_back(f.name, *e);
    if (const auto e = shown_error("commitment_months"))
        errors.emplace_back("commitment_months", *e);
    return errors;
}

// The form as sent (wire JSON), the draft and its link, and the contract once it exists.
void SignupJourney::describe(nlohmann::json& state) const {
    state["form"].update(wire::to_json(form_));
    state["draft_id"] = draft_id_;
    state["adding_line_for"] = known_ ? nlohmann::json(known_->first_name) : nlohmann::json(nullptr);
    state["draft_link"] = draft_link_;
    if (contract_)
        state["contract"] = {{"contract_id", contract_->contract_id},
                             {"contract_number", contract_->contract_number},
                             {"document_download_url", contract_->document_download_url}};
    else
        state["contract"] = nullptr;
}

std::string* SignupJourney::text_field(SignupForm& f, std::string_view name) {
    if (name == "cin")
        return &f.cin;
    if (name == "first_name")
        return &f.first_name;
    if (name == "last_name")
        return &f.last_name;
    if (name == "phone")
        return &f.phone;
    if (name == "email")
        return &f.email;
    if (name == "address")
        return &f.address;
    if (name == "service_identifier")
        return &f.service_identifier;
    if (name == "contract_start_date")
        return &f.contract_start_date;
    return nullptr;
}

const Offer* SignupJourney::offer() const {
    return catalog_ ? catalog_->find_offer(form_.offer_id) : nullptr;
}

bool SignupJourney::asks(std::string_view field) const {
    return !known_ || !is_identity_field(field);
}

const FieldErrors& SignupJourney::live_errors() const {
    if (!checked_errors_ || !(checked_form_ == form_)) {
        const Date today = catalog_ ? catalog_->today : Date{};
        checked_errors_ =
            check_signup(form_, offer(), today, known_ ? Applicant::KnownClient : Applicant::NewClient).errors;
        checked_form_ = form_;
    }
    return *checked_errors_;
}

std::optional<std::string_view> SignupJourney::shown_error(std::string_view field) const {
    for (const FieldError& e : server_errors_)
        if (e.field == field)
            return std::string_view{e.message};
    if (!submit_attempted_ && !touched_.contains(field))
        return std::nullopt;
    for (const FieldError& e : live_errors())
        if (e.field == field)
            return std::string_view{e.message};
    return std::nullopt;
}

void SignupJourney::show(Text text, bool error) {
    notice_ = Notice{text, {}, error};
}

void SignupJourney::show_server(const ApiError& error, Text fallback) {
    notice_ = notice_for(error, fallback);
}

void SignupJourney::choose_offer(const std::string& offer_id) {
    const std::string previous = std::exchange(form_.offer_id, offer_id);
    if (const Offer* o = offer(); o && previous != offer_id)
        form_.commitment_months = std::max(form_.commitment_months, o->commitment_months);
    field_edited("offer_id");
    step_ = JourneyStep::Details;
    notice_.reset();
}

void SignupJourney::return_to(std::string_view screen) {
    if (busy_ != Busy::None)
        return;
    notice_.reset();
    if (step_ == JourneyStep::Done) {
        if (screen != "confirmation")
            start_over(); // the contract is made: going back starts a new signup
        return;
    }
    step_ = screen == "signup" && offer() ? JourneyStep::Details : JourneyStep::ChooseOffer;
}

void SignupJourney::keep_in_tab() const {
    webapp::platform::store_tab_value("signup", wire::to_json(form_).dump());
}

void SignupJourney::restore_from_tab() {
    const std::string kept = webapp::platform::tab_value("signup");
    if (kept.empty())
        return;
    const nlohmann::json j = nlohmann::json::parse(kept, nullptr, false);
    if (j.is_discarded() || !j.is_object())
        return;
    FieldErrors ignored; // what this tab stored, read back: anything odd is checked as typed
    const Language language = form_.language;
    form_ = wire::signup_form_from_json(j, ignored);
    form_.language = language; // the page's, as chosen since
    for (const SignupField& f : signup_fields())
        if (const std::string* value = text_field(form_, f.name); value && !value->empty())
            touched_.emplace(f.name);
}

void SignupJourney::change_offer() {
    step_ = JourneyStep::ChooseOffer;
    notice_.reset();
}

void SignupJourney::field_edited(std::string_view field) {
    std::erase_if(server_errors_, [&](const FieldError& e) { return e.field == field; });
    keep_in_tab();
}

void SignupJourney::field_left(std::string_view field) {
    touched_.emplace(field);
}

void SignupJourney::set_commitment(int months) {
    form_.commitment_months = months;
    field_edited("commitment_months");
}

void SignupJourney::set_language(Language language) {
    form_.language = language;
}

void SignupJourney::save_draft() {
    if (busy_ != Busy::None)
        return;
    busy_ = Busy::SavingDraft;
    notice_.reset();
    // The person may keep typing while the draft is saved: remember what was sent.
    auto done = [this, sent = form_](ApiResult<Draft> result) {
        if (result.value) {
            busy_ = Busy::None;
            on_draft_saved(*result.value, sent);
            return;
        }
        // The draft expired or vanished since it was saved: keep the person's work in a new one.
        if (!draft_id_.empty() && (result.error.status == 404 || result.error.status == 410)) {
            draft_id_.clear();
            draft_link_.clear();
            busy_ = Busy::None;
            save_draft();
            return;
        }
        busy_ = Busy::None;
        if (!result.error.errors.empty()) {
            server_errors_ = result.error.errors;
            show(Text::FixFields);
            scroll_to_error_ = true;
        } else {
            show_server(result.error, Text::RequestRejected);
        }
    };
    if (draft_id_.empty())
        api_.create_draft(form_, draft_step, done);
    else
        api_.update_draft(draft_id_, form_, draft_step, done);
}

void SignupJourney::on_draft_saved(const Draft& draft, const SignupForm& sent) {
    draft_id_ = draft.draft_id;
    saved_form_ = sent;
    ++drafts_saved_;
    draft_link_ = webapp::platform::page_base_url() + "?draft=" + draft_id_;
    webapp::platform::replace_query("?draft=" + draft_id_);
}

void SignupJourney::load_draft(const std::string& draft_id) {
    busy_ = Busy::LoadingDraft;
    api_.get_draft(draft_id, [this](ApiResult<Draft> result) {
        busy_ = Busy::None;
        if (!result.value) {
            const ApiError& e = result.error;
            if (e.status == 410 || e.code == wire::problem::draft_expired)
                show(Text::DraftExpired);
            else if (e.status == 404 || e.code == wire::problem::draft_not_found)
                show(Text::DraftNotFound);
            else
                show_server(e, Text::DraftNotFound);
            if (!e.network())
                webapp::platform::replace_query(""); // the link is dead: do not keep it in the address bar
            step_ = JourneyStep::ChooseOffer;
            return;
        }
        const Draft& draft = *result.value;
        form_ = draft.form;
        draft_id_ = draft.draft_id;
        saved_form_ = form_;
        draft_link_ = webapp::platform::page_base_url() + "?draft=" + draft_id_;
        // What was typed before counts as edited: its errors show straight away.
        for (const SignupField& f : signup_fields())
            if (const std::string* value = text_field(form_, f.name); value && !value->empty())
                touched_.emplace(f.name);
        step_ = offer() ? JourneyStep::Details : JourneyStep::ChooseOffer;
        keep_in_tab();
        if (handovers_.draft_language)
            handovers_.draft_language(form_.language);
    });
}

void SignupJourney::submit() {
    if (busy_ != Busy::None)
        return;
    submit_attempted_ = true;
    notice_.reset();
    server_errors_.clear();
    verification_offered_ = false;
    if (!live_errors().empty()) {
        show(Text::FixFields);
        scroll_to_error_ = true;
        return;
    }
    const std::string known_cin = known_ ? known_->cin : std::string{};
    const bool retry =
        attempt_ && attempt_->network_failed && attempt_->form == form_ && attempt_->known_cin == known_cin;
    if (!retry)
        attempt_ = Attempt{"sub_" + webapp::platform::random_hex(16), form_, known_cin, false};
    attempt_->network_failed = false;
    busy_ = Busy::Submitting;
    const std::string token = known_ ? known_->lookup_token : std::string{};
    api_.submit_new(form_, draft_id_, attempt_->idempotency_key, token, [this](ApiResult<NewContract> result) {
        busy_ = Busy::None;
        if (!result.value) {
            on_submit_failed(result.error);
            return;
        }
        contract_ = std::move(*result.value);
        attempt_.reset();
        notice_.reset();
        draft_id_.clear(); // the draft became this contract
        draft_link_.clear();
        webapp::platform::replace_query("");
        webapp::platform::store_tab_value("signup", ""); // nothing left in progress
        step_ = JourneyStep::Done;
    });
}

void SignupJourney::on_submit_failed(const ApiError& error) {
    if (error.network()) {
        attempt_->network_failed = true;
        show(Text::NetworkRetry);
        return;
    }
    const bool token_lost =
        error.code == wire::problem::lookup_token_invalid || error.code == wire::problem::lookup_token_expired;
    if (known_ && token_lost) {
        // Verify again, then submit again from the form as it is (the same key replays a
        // contract already made: the customer's journey keeps nothing of this attempt).
        const std::string cin = known_->cin;
        known_->lookup_token.clear();
        if (handovers_.verify_identity)
            handovers_.verify_identity(cin);
        return;
    }
    verification_offered_ = !known_ && error.code == wire::problem::verification_required;
    server_errors_ = error.errors;
    if (server_errors_.empty())
        if (const std::string_view field = field_of_conflict(error.code); !field.empty())
            server_errors_.push_back(
                FieldError{std::string{field}, error.code, error.detail.empty() ? error.title : error.detail});
    scroll_to_error_ = !server_errors_.empty();
    // A validation failure is summed up by the fields themselves; anything else (a conflict:
    // CIN of an existing client, line already under contract) needs the server's explanation.
    if (error.status == 400 && !server_errors_.empty())
        show(Text::FixFields);
    else
        show_server(error, Text::RequestRejected);
}

void SignupJourney::add_line_for(KnownClient client) {
    if (busy_ != Busy::None)
        return;
    if (step_ == JourneyStep::Done)
        start_over(); // a contract just made: this is another line
    known_ = std::move(client);
    // Their record holds who they are: nothing typed for a new client is sent or kept.
    for (const SignupField& f : signup_fields())
        if (std::string* value = text_field(form_, f.name); value && is_identity_field(f.name))
            value->clear();
    std::erase_if(server_errors_, [](const FieldError& e) { return is_identity_field(e.field); });
    verification_offered_ = false;
    notice_.reset();
    draft_id_.clear(); // a draft is a new client's: theirs is not kept on the server
    draft_link_.clear();
    webapp::platform::replace_query("");
    step_ = offer() ? JourneyStep::Details : JourneyStep::ChooseOffer;
    keep_in_tab();
}

void SignupJourney::forget_known_client() {
    if (busy_ != Busy::None)
        return;
    start_over();
}

void SignupJourney::verify_identity() {
    if (busy_ != Busy::None || !handovers_.verify_identity)
        return;
    verification_offered_ = false;
    notice_.reset();
    handovers_.verify_identity(form_.cin);
}

void SignupJourney::back_to_account() {
    start_over();
    if (handovers_.to_account)
        handovers_.to_account();
}

void SignupJourney::start_over() {
    const Language language = form_.language;
    known_.reset();
    verification_offered_ = false;
    step_ = JourneyStep::ChooseOffer;
    form_ = SignupForm{};
    form_.language = language;
    touched_.clear();
    submit_attempted_ = false;
    server_errors_.clear();
    notice_.reset();
    scroll_to_error_ = false;
    draft_id_.clear();
    draft_link_.clear();
    saved_form_ = SignupForm{};
    attempt_.reset();
    contract_.reset();
    webapp::platform::store_tab_value("signup", "");
}

} // namespace isp::portal

namespace isp::portal {

bool SignupJourney::copy_draft_link() const {
    return webapp::platform::copy_to_clipboard(draft_link_);
}

void SignupJourney::open_contract_document() const {
    if (contract_ && !contract_->document_download_url.empty())
        webapp::platform::open_document(contract_->document_download_url);
}

} // namespace isp::portal
