// The new-subscription form of the landing journey: what a person types, what a draft
// keeps, what POST /landing/submit/new receives — and the rules that check it.
// The portal runs check_signup() as the person types; the server runs the very same
// function before it writes anything.
#pragma once
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "shared/domain/date.h"
#include "shared/domain/field_error.h"
#include "shared/domain/offer.h"

namespace isp {

struct SignupForm {
    std::string offer_id;
    std::string cin;
    std::string first_name;
    std::string last_name;
    std::string phone;
    std::string email;
    std::string address;
    std::string service_identifier;  // the subscriber: mobile number, line number or line reference
    std::string contract_start_date; // as typed, "YYYY-MM-DD"
    int commitment_months = 0;
    Language language = Language::French; // of the client's documents and messages

    bool operator==(const SignupForm&) const = default;
};

// A form that passed every rule, with every value in its stored form.
struct ValidSignup {
    std::string offer_id;
    std::string cin; // normalised
    std::string first_name;
    std::string last_name;
    std::string phone; // E.164
    std::string email; // domain lower-cased
    std::string address;
    std::string service_identifier; // E.164 for numbers, upper-case for line references
    Date contract_start_date;
    int commitment_months = 0;
    Language language = Language::French;
};

struct SignupField {
    std::string_view name;
    std::string_view label_fr;
    std::string_view label_en;
    std::size_t max_length; // in characters
    std::string_view hint_fr;
    std::string_view hint_en;
};

// Every field of the form in display order, with its limits (served by /landing/bootstrap).
std::span<const SignupField> signup_fields();

inline constexpr int max_start_days_ahead = 90;
inline constexpr int commitment_options[] = {0, 12, 24};

struct SignupCheck {
    FieldErrors errors;
    std::optional<ValidSignup> valid; // set when errors is empty
};

// Who signs up: a new client gives every detail; a client who proved who they are (lookup
// token) adds a line, and only the subscription's fields are theirs to give: their
// identity and contact details are the client record's, never changed from the signup.
enum class Applicant { NewClient, KnownClient };

// The fields a known client does not give (cin, names, phone, e-mail, address).
bool is_identity_field(std::string_view name);

// `offer` is the offer named by form.offer_id, or nullptr when there is none.
// `today` comes from the caller's clock. For a KnownClient the identity fields are not
// checked, and `valid` leaves them empty: the caller takes them from the client record.
SignupCheck check_signup(const SignupForm& form, const Offer* offer, const Date& today,
                         Applicant applicant = Applicant::NewClient);

// Only the length and character rules (a draft may be incomplete, but not oversized).
FieldErrors check_signup_draft(const SignupForm& form);

} // namespace isp
