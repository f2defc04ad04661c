// Fuzz harness `json_bodies`: the strict JSON intake (shared/wire/json_intake.h) and every
// reader that takes a JSON body.
//   1. read_json_strictly() on the bytes, with the server's limits. Checks: it accepts
//      nothing that nlohmann::json::parse rejects, it reads the same value parse() reads,
//      what it accepts dumps without throwing, and a refusal names a documented code and
//      a byte inside the text.
//   2. When it yields a value, every reader of a JSON body gets it:
//      - shared/wire readers that report problems as FieldErrors (signup_form_from_json,
//        client_form_from_json, case_status_change_from_json, new_collection_action_from_json,
//        payment_command_from_json, approval_command_from_json, field_errors_from_json): must not throw at all;
//      - shared/wire readers documented as throwing nlohmann::json::exception on a bad
//        shape (client, contract, invoice client, invoice, money, offer, billing run): only that;
//      - the staff body readers (customer, offer, contract orders, status change, billing
//        period), given objects only, as http::json_object_body() hands them over: they
//        report problems as FieldErrors and must not throw at all either.
//      What they return is serialised again as the server would (to_json(...).dump()),
//      and a few round trips are checked.
// Anything else that escapes is a crash (std::terminate), which is what we want found.
#include <cstdint>
#include <cstring>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "fuzz_support.h"
#include "shared/signup/client_form.h"
#include "shared/signup/signup_form.h"
#include "shared/wire/billing_run_json.h"
#include "shared/wire/bootstrap_json.h"
#include "shared/wire/client_form_json.h"
#include "shared/wire/client_invoice_json.h"
#include "shared/wire/collection_case_json.h"
#include "shared/wire/contract_json.h"
#include "shared/wire/contract_request_json.h"
#include "shared/wire/document_link_json.h"
#include "shared/wire/draft_json.h"
#include "shared/wire/invoice_json.h"
#include "shared/wire/json_intake.h"
#include "shared/wire/new_contract_json.h"
#include "shared/wire/offer_json.h"
#include "shared/wire/page_json.h"
#include "shared/wire/payment_json.h"
#include "shared/wire/plan_change_json.h"
#include "shared/wire/signup_json.h"
#include "shared/wire/staff_account_json.h"
#include "shared/wire/staff_session_json.h"
#include "shared/wire/subscription_json.h"
#include "shared/wire/verification_json.h"

using nlohmann::json;

namespace {

const isp::Date today{2026, 11, 23};

const std::set<std::string>& intake_codes() {
    static const std::set<std::string> codes = {"body_too_large", "invalid_utf8",  "malformed_json",
                                                "trailing_data",  "json_too_deep", "number_out_of_range",
                                                "duplicate_key"};
    return codes;
}

// The demo catalog's families, so check_signup() also runs its per-offer rules.
const isp::Offer* offer_named(const std::string& id) {
    static const isp::Offer offers[] = {
        {"ofr_mobile_confort", isp::ServiceFamily::Mobile, "Mobile Confort", "", {9900, "MAD"}, 2000, 12, true},
        {"ofr_internet_fibre100", isp::ServiceFamily::Internet, "Fibre 100", "", {34900, "MAD"}, 2000, 12, true},
        {"ofr_landline_local", isp::ServiceFamily::Landline, "Fixe Local", "", {9900, "MAD"}, 2000, 0, true},
        {"ofr_withdrawn", isp::ServiceFamily::Mobile, "Old", "", {0, "MAD"}, 0, 24, false},
    };
    for (const auto& o : offers)
        if (o.offer_id == id)
            return &o;
    return nullptr;
}

// A wire reader documented as throwing nlohmann::json::exception on a bad shape.
template <class Fn> void shape_reader(Fn&& fn) {
    try {
        fn();
    } catch (const json::exception&) {
    }
}

void check_intake(std::string_view text, const std::optional<json>& value, const isp::wire::JsonIntakeError& error) {
    const bool nlohmann_accepts = json::accept(text);
    if (!value) {
        ISP_FUZZ_CHECK(intake_codes().count(error.code) == 1, error.code);
        ISP_FUZZ_CHECK(error.byte <= text.size(), error.code + " at " + std::to_string(error.byte));
        (void)isp::wire::describe(error);
        return;
    }
    ISP_FUZZ_CHECK(nlohmann_accepts, "read_json_strictly accepted what nlohmann::json::parse rejects");
    ISP_FUZZ_CHECK(*value == json::parse(text), "read_json_strictly read another value than json::parse");
    std::string dumped;
    try {
        dumped = value->dump();
    } catch (const json::exception& e) {
        isp::fuzz::fail("an accepted value does not dump", e.what());
    }
    // What the server writes back, the portal reads again.
    ISP_FUZZ_CHECK(json::parse(dumped) == *value, dumped);
}

void shared_readers(const json& j) {
    // Signup form (drafts, submit/new): problems are FieldErrors, never exceptions.
    {
        isp::FieldErrors errors;
        const isp::SignupForm form = isp::wire::signup_form_from_json(j, errors);
        const json again = isp::wire::to_json(form);
        (void)again.dump();
        if (errors.empty()) {
            isp::FieldErrors errors2;
            const isp::SignupForm form2 = isp::wire::signup_form_from_json(again, errors2);
            ISP_FUZZ_CHECK(errors2.empty() && form2 == form, again.dump());
        }
        (void)isp::check_signup_draft(form);
        const isp::SignupCheck check = isp::check_signup(form, offer_named(form.offer_id), today);
        ISP_FUZZ_CHECK(check.errors.empty() == check.valid.has_value(), again.dump());
        (void)isp::wire::to_json(check.errors).dump();
    }
    // Client details (staff /customers), in both languages.
    for (const isp::Language language : {isp::Language::English, isp::Language::French}) {
        isp::FieldErrors errors;
        const isp::ClientForm form = isp::wire::client_form_from_json(j, errors, language);
        const isp::ClientCheck check = isp::check_client_form(form, language);
        ISP_FUZZ_CHECK(check.errors.empty() == check.valid.has_value(), form.cin);
        if (check.valid)
            (void)isp::wire::to_json(*check.valid).dump();
    }
    // Collection case bodies (staff): problems are FieldErrors, never exceptions; what
    // reads without errors writes and reads back the same.
    {
        isp::FieldErrors errors;
        const isp::CaseStatusChange change = isp::wire::case_status_change_from_json(j, errors);
        if (errors.empty()) {
            const isp::CaseStatusChange again =
                isp::wire::case_status_change_from_json(isp::wire::to_json(change), errors);
            ISP_FUZZ_CHECK(errors.empty() && again == change, isp::wire::to_json(change).dump());
        }
    }
    {
        isp::FieldErrors errors;
        const isp::NewCollectionAction action = isp::wire::new_collection_action_from_json(j, errors);
        if (errors.empty()) {
            const isp::NewCollectionAction again =
                isp::wire::new_collection_action_from_json(isp::wire::to_json(action), errors);
            ISP_FUZZ_CHECK(errors.empty() && again == action, isp::wire::to_json(action).dump());
        }
    }
    // Payment bodies (staff): likewise.
    {
        isp::FieldErrors errors;
        const isp::PaymentCommand payment = isp::wire::payment_command_from_json(j, today, errors);
        if (errors.empty()) {
            const isp::PaymentCommand again =
                isp::wire::payment_command_from_json(isp::wire::to_json(payment), today, errors);
            ISP_FUZZ_CHECK(errors.empty() && again == payment, isp::wire::to_json(payment).dump());
        }
        isp::FieldErrors approval_errors;
        (void)isp::wire::to_json(isp::wire::approval_command_from_json(j, today, approval_errors)).dump();
    }
    // Field errors (the portal reads a problem's "errors"): tolerant, and its own output
    // reads back the same.
    try {
        const isp::FieldErrors errors = isp::wire::field_errors_from_json(j);
        const json again = isp::wire::to_json(errors);
        ISP_FUZZ_CHECK(isp::wire::field_errors_from_json(again) == errors, again.dump());
    } catch (const json::exception& e) {
        ISP_FUZZ_EXPECT("field_errors_throw", false, std::string("field_errors_from_json threw: ") + e.what());
    }
    // Documented as throwing nlohmann::json::exception on a bad shape (a float or an
    // out-of-range number where an integer is due included).
    shape_reader([&] { (void)isp::wire::to_json(isp::wire::client_from_json(j)).dump(); });
    shape_reader([&] { (void)isp::wire::contract_from_json(j); });
    shape_reader([&] { (void)isp::wire::invoice_client_from_json(j); });
    shape_reader([&] { (void)isp::wire::invoice_from_json(j); });
    shape_reader([&] { (void)isp::wire::money_from_json(j); });
    shape_reader([&] { (void)isp::wire::offer_from_json(j); });
    // The landing API's answers, as the portal reads them; what they read serialises again.
    namespace w = isp::wire;
    shape_reader([&] { (void)w::to_json(w::bootstrap_from_json(j)).dump(); });
    shape_reader([&] { (void)w::to_json(w::draft_from_json(j)).dump(); });
    shape_reader([&] { (void)w::to_json(w::new_contract_from_json(j)).dump(); });
    shape_reader([&] { (void)w::to_json(w::verification_from_json(j)).dump(); });
    shape_reader([&] { (void)w::to_json(w::subscriptions_from_json(j)).dump(); });
    shape_reader([&] { (void)w::to_json(w::document_link_from_json(j)).dump(); });
    shape_reader([&] { (void)w::to_json(w::plan_change_result_from_json(j)).dump(); });
    shape_reader([&] { (void)w::to_json(w::client_invoices_from_json(j), today).dump(); });
    shape_reader([&] { (void)w::pagination_from_json(j); });
    shape_reader([&] { (void)w::to_json(w::billing_run_result_from_json(j)).dump(); });
    // Request readers collect field errors and never throw.
    isp::FieldErrors errors;
    (void)w::to_json(w::verify_cin_request_from_json(j, errors, isp::Language::English)).dump();
    (void)w::to_json(w::plan_change_request_from_json(j, errors, isp::Language::French)).dump();
}

// A staff body reader: problems are FieldErrors, never exceptions; what reads without
// errors writes and reads back the same.
template <class T, class Read> void staff_body(const json& body, Read read) {
    isp::FieldErrors errors;
    const T value = read(body, errors);
    const json written = isp::wire::to_json(value);
    (void)written.dump();
    if (errors.empty()) {
        const T again = read(written, errors);
        ISP_FUZZ_CHECK(errors.empty() && again == value, written.dump());
    }
}

// Answers the console reads (trusted shapes): a bad shape throws nlohmann's exceptions only.
void shape_reader_of_staff(const json& j) {
    namespace w = isp::wire;
    shape_reader([&] { (void)w::to_json(w::staff_account_from_json(j)).dump(); });
    shape_reader([&] { (void)w::to_json(w::staff_session_from_json(j)).dump(); });
    shape_reader([&] { (void)w::to_json(w::staff_audit_entry_from_json(j)).dump(); });
    shape_reader([&] { (void)w::to_json(w::password_link_from_json(j)).dump(); });
}

void staff_body_readers(const json& body) {
    namespace w = isp::wire;
    {
        isp::FieldErrors errors;
        const isp::BillingPeriod period = w::billing_period_from_json(body, errors);
        if (errors.empty()) {
            ISP_FUZZ_CHECK(w::billing_period_from_json(w::billing_period_json(period), errors) == period,
                           period.to_string());
            ISP_FUZZ_CHECK(errors.empty(), period.to_string());
        }
    }
    staff_body<isp::ContractOrder>(body, w::provision_order_from_json);
    staff_body<isp::ContractOrder>(body, w::manual_order_from_json);
    staff_body<isp::StatusChangeRequest>(body, w::status_change_from_json);
    // Create and replace answer with what was read: serialise it as the routes do.
    {
        isp::FieldErrors errors;
        (void)w::to_json(w::customer_from_json(body, errors)).dump();
    }
    {
        // The price ceiling keeps the tax (apply_rate) from overflowing.
        isp::FieldErrors errors;
        const isp::Offer offer = w::offer_body_from_json(body, errors);
        const json written = w::to_json(offer);
        (void)written.dump();
        if (errors.empty()) {
            ISP_FUZZ_CHECK(w::offer_body_from_json(written, errors) == offer, written.dump());
            ISP_FUZZ_CHECK(errors.empty(), written.dump());
        }
    }
    // Staff accounts and sign-in (issue #12): readers of untrusted bodies never throw.
    {
        isp::FieldErrors errors;
        (void)w::to_json(w::staff_sign_in_from_json(body, errors)).dump();
        (void)w::new_staff_account_from_json(body, errors);
        (void)w::staff_account_change_from_json(body, errors);
        (void)w::password_set_from_json(body, errors);
        (void)w::password_change_from_json(body, errors);
        (void)w::password_confirmation_from_json(body, errors);
        (void)w::totp_code_from_json(body, errors);
    }
    shape_reader_of_staff(body);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const isp::wire::JsonIntakeLimits limits; // the server's: 64 KiB, 32 levels
    isp::wire::JsonIntakeError error;
    const std::optional<json> value = isp::wire::read_json_strictly(text, limits, error);
    check_intake(text, value, error);
    if (!value)
        return 0;
    shared_readers(*value);
    if (value->is_object()) // http::json_object_body() refuses anything else with 400 invalid_body
        staff_body_readers(*value);
    // Bodies nest: drafts carry {"form": {...}}, provisioning {"subscriber": {...}}.
    if (value->is_object())
        for (const auto& [key, member] : value->items())
            if (member.is_object() || member.is_array())
                shared_readers(member);
    return 0;
}
