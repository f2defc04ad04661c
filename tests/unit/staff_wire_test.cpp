// The staff API's wire formats (issue #18): customer, offer, contract and billing run
// bodies read back what their writers write; wrong fields are field errors, in order;
// the answers written by the contract, document and catalog routes have their shape.
#include <doctest/doctest.h>

#include "shared/wire/billing_run_json.h"
#include "shared/wire/client_form_json.h"
#include "shared/wire/contract_detail_json.h"
#include "shared/wire/contract_document_json.h"
#include "shared/wire/contract_json.h"
#include "shared/wire/contract_request_json.h"
#include "shared/wire/offer_json.h"
#include "shared/wire/staff_account_json.h"
#include "shared/wire/staff_session_json.h"

using namespace isp;

namespace {

std::vector<std::string> fields_of(const FieldErrors& errors) {
    std::vector<std::string> fields;
    for (const auto& e : errors)
        fields.push_back(e.field + ":" + e.code);
    return fields;
}

} // namespace

TEST_CASE("a customer body reads the stored forms and reads back from the client's wire form") {
    const nlohmann::json body{{"cin", "ab-123 456"},       {"first_name", " Amina "},     {"last_name", "El Idrissi"},
                              {"phone", "06 12 34 56 78"}, {"email", "Amina@Example.MA"}, {"address", " Rabat "},
                              {"language", "en"}};
    FieldErrors errors;
    const Client client = wire::customer_from_json(body, errors);
    CHECK(errors.empty());
    CHECK(client.cin == "AB123456");
    CHECK(client.phone == "+212612345678");
    CHECK(client.client_id.empty());
    const Client again = wire::customer_from_json(wire::to_json(client), errors);
    CHECK(errors.empty());
    CHECK(wire::to_json(again) == wire::to_json(client));

    // A wrong type is reported alone: the form's own checks wait for the right types.
    wire::customer_from_json({{"cin", 12}, {"first_name", ""}}, errors);
    CHECK(fields_of(errors) == std::vector<std::string>{"cin:invalid_type"});
    errors.clear();
    wire::customer_from_json({{"cin", "1"}}, errors);
    CHECK(fields_of(errors).size() == 6);
    CHECK(errors.front().field == "cin");
}

TEST_CASE("an offer body round-trips; every wrong field is a field error, in order") {
    Offer offer{"", ServiceFamily::Internet, "Fibre 100", "Fibre", {34900, "MAD"}, 2000, 12, false};
    FieldErrors errors;
    CHECK(wire::offer_body_from_json(wire::to_json(offer), errors) == offer);
    CHECK(errors.empty());

    wire::offer_body_from_json({{"family", "tv"},
                                {"name", ""},
                                {"monthly_price", {{"amount_minor", -1}, {"currency", "mad"}}},
                                {"tax_rate_bp", 10001},
                                {"commitment_months", 6},
                                {"active", "yes"}},
                               errors);
    CHECK(fields_of(errors) == std::vector<std::string>{"family:invalid_family", "name:invalid_length",
                                                        "monthly_price.amount_minor:invalid_amount",
                                                        "monthly_price.currency:invalid_currency",
                                                        "tax_rate_bp:out_of_range",
                                                        "commitment_months:invalid_commitment", "active:invalid_type"});
    errors.clear();
    wire::offer_body_from_json({{"family", "mobile"}, {"name", "M"}, {"tax_rate_bp", 0}}, errors);
    CHECK(fields_of(errors) == std::vector<std::string>{"monthly_price:required"});
}

TEST_CASE("contract orders round-trip on both paths; wrong fields are field errors") {
    ContractOrder provision{"cli_1", "ofr_1", "0612345678", "2026-03-01", 24, ContractStatus::Active, false};
    FieldErrors errors;
    CHECK(wire::provision_order_from_json(wire::to_json(provision), errors) == provision);
    ContractOrder manual{"cli_1", "ofr_1", "0612345678", "2026-03-01", std::nullopt, ContractStatus::Suspended, true};
    CHECK(wire::manual_order_from_json(wire::to_json(manual), errors) == manual);
    CHECK(errors.empty());

    wire::provision_order_from_json({{"client_id", 1}, {"provisioning_intent", "manual"}}, errors);
    CHECK(fields_of(errors) == std::vector<std::string>{"client_id:invalid_type", "offer_id:required",
                                                        "contract_start_date:required",
                                                        "subscriber.service_identifier:required",
                                                        "provisioning_intent:invalid_provisioning_intent"});
    errors.clear();
    wire::manual_order_from_json({{"client_id", "c"},
                                  {"offer_id", "o"},
                                  {"contract_start_date", "2026-03-01"},
                                  {"service_identifier", "x"},
                                  {"status", "terminated"}},
                                 errors);
    CHECK(fields_of(errors) == std::vector<std::string>{"status:invalid_initial_status"});
}

TEST_CASE("a contract status change round-trips; wrong fields are field errors") {
    StatusChangeRequest change{ContractStatus::Terminated, Date{2026, 3, 31}, "moved abroad"};
    FieldErrors errors;
    CHECK(wire::status_change_from_json(wire::to_json(change), errors) == change);
    CHECK(errors.empty());
    wire::status_change_from_json(
        {{"status", "closed"}, {"effective_date", "31/03/2026"}, {"reason", std::string(501, 'x')}}, errors);
    CHECK(fields_of(errors) ==
          std::vector<std::string>{"status:invalid_status", "effective_date:invalid_date", "reason:too_long"});
}

TEST_CASE("a billing period and a billing run's answer round-trip") {
    FieldErrors errors;
    const BillingPeriod march{2026, 3};
    CHECK(wire::billing_period_from_json(wire::billing_period_json(march), errors) == march);
    CHECK(errors.empty());
    wire::billing_period_from_json(nlohmann::json::object(), errors);
    wire::billing_period_from_json({{"period", "2026-13"}}, errors);
    CHECK(fields_of(errors) == std::vector<std::string>{"period:required", "period:invalid_period"});

    BillingRunResult run{"brn_1", "2026-03", {"inv_1", "inv_2"}, 3, "MAD", 69800, 13960, 83760};
    const nlohmann::json j = wire::to_json(run);
    CHECK(j["invoice_count"] == 2);
    CHECK(j["totals"]["total"] == nlohmann::json{{"amount_minor", 83760}, {"currency", "MAD"}});
    CHECK(wire::billing_run_result_from_json(j) == run);
    const BillingRunResult nothing{std::nullopt, "2026-03", {}, 5, "MAD", 0, 0, 0};
    CHECK(wire::to_json(nothing)["billing_run_id"].is_null());
    CHECK(wire::billing_run_result_from_json(wire::to_json(nothing)) == nothing);
}

TEST_CASE("a contract's detail, audit entry and staff plan change are written as staff read them") {
    Contract k;
    k.contract_id = "ctr_1";
    k.offer_id = "ofr_2";
    k.contract_start_date = Date{2026, 4, 1};
    const Offer old_offer{"ofr_1", ServiceFamily::Mobile, "Mobile", "", {9900, "MAD"}, 2000, 0, true};
    const Offer offer{"ofr_2", ServiceFamily::Mobile, "Mobile+", "", {14900, "MAD"}, 2000, 0, true};
    ContractDetail detail{k,
                          offer,
                          {{"ofr_1", Date{2026, 1, 1}}, {"ofr_2", Date{2026, 4, 1}}},
                          {{ContractStatus::Active, Date{2026, 1, 1}}},
                          {}};
    const nlohmann::json j = wire::to_json(detail);
    CHECK(wire::contract_from_json(j) == k);
    CHECK(j["service"] == "mobile");
    CHECK(wire::offer_from_json(j["offer"]) == offer);
    CHECK(j["offer_periods"][1] == nlohmann::json{{"offer_id", "ofr_2"}, {"effective_from", "2026-04-01"}});
    CHECK(j["status_periods"][0] == nlohmann::json{{"status", "active"}, {"effective_from", "2026-01-01"}});
    CHECK(wire::contract_summary_json(k, std::nullopt)["service"].is_null());

    const PlanChange change{k, old_offer, offer, PlanDirection::Upgrade, {5000, "MAD"}, std::nullopt};
    const nlohmann::json p = wire::staff_plan_change_json(detail, change)["plan_change"];
    CHECK(p == nlohmann::json{{"direction", "upgrade"},
                              {"previous_offer_id", "ofr_1"},
                              {"offer_id", offer.offer_id},
                              {"effective_date", "2026-04-01"},
                              {"monthly_difference", {{"amount_minor", 5000}, {"currency", "MAD"}}},
                              {"scheduled_change", nullptr}});

    const AuditRecord audit{
        7, {"ctr_1", "2026-04-01T10:00:00Z", "ops", "status_changed", R"({"status":"active"})", "not json"}};
    const nlohmann::json a = wire::to_json(audit);
    CHECK(a["audit_id"] == 7);
    CHECK(a["before"] == nlohmann::json{{"status", "active"}});
    CHECK(a["after"] == "not json");
}

TEST_CASE("a contract's document versions round-trip with their addresses") {
    const std::vector<DocumentVersion> versions{{1, "2026-01-01", false}, {2, "2026-04-01", true}};
    const nlohmann::json j = wire::contract_documents_json("ctr_1", versions);
    CHECK(j["contract_id"] == "ctr_1");
    CHECK(j["versions"][1]["document_url"] == "/api/v1/contracts/ctr_1/documents/2");
    CHECK(wire::contract_documents_from_json(j) == versions);
}

TEST_CASE("offer categories group every offer by family, inactive ones counted apart") {
    const std::vector<Offer> offers{{"ofr_1", ServiceFamily::Mobile, "M", "", {9900, "MAD"}, 2000, 0, true},
                                    {"ofr_2", ServiceFamily::Mobile, "M2", "", {9900, "MAD"}, 2000, 0, false},
                                    {"ofr_3", ServiceFamily::Landline, "L", "", {9900, "MAD"}, 2000, 0, true}};
    const nlohmann::json j = wire::offer_categories_json(offers);
    CHECK(j["total"] == 3);
    REQUIRE(j["data"].size() == 3);
    CHECK(j["data"][0]["family"] == "mobile");
    CHECK(j["data"][0]["offer_count"] == 2);
    CHECK(j["data"][0]["active_count"] == 1);
    CHECK(wire::offer_from_json(j["data"][0]["offers"][1]) == offers[1]);
    CHECK(j["data"][1]["offer_count"] == 0);
}

TEST_CASE("a new staff account and an account change round-trip; a change writes only what changes") {
    const NewStaffAccount invite{
        "samir@isp.example.ma", "Samir Alaoui", {StaffRole::Ops, StaffRole::Viewer}, Language::English};
    FieldErrors errors;
    const NewStaffAccount back = wire::new_staff_account_from_json(wire::to_json(invite), errors);
    CHECK(errors.empty());
    CHECK(back.email == invite.email);
    CHECK(back.display_name == invite.display_name);
    CHECK(back.roles == invite.roles);
    CHECK(back.language == Language::English);

    StaffAccountChange change;
    change.state = StaffAccountState::Disabled;
    const nlohmann::json j = wire::to_json(change);
    CHECK(j == nlohmann::json{{"state", "disabled"}});
    change.roles = std::vector<StaffRole>{StaffRole::Admin};
    const StaffAccountChange read = wire::staff_account_change_from_json(wire::to_json(change), errors);
    CHECK(errors.empty());
    CHECK(read.state == StaffAccountState::Disabled);
    CHECK(read.roles == std::vector<StaffRole>{StaffRole::Admin});
    CHECK_FALSE(read.display_name);
}

TEST_CASE("a TOTP enrolment round-trips with its QR code; a QR code that is not square is refused") {
    QrCode qr;
    qr.size = 21;
    for (int i = 0; i < 21; ++i)
        qr.rows.push_back(std::string(21, i % 2 ? '1' : '0'));
    const TotpEnrolment enrolment{"JBSWY3DPEHPK3PXP", "otpauth://totp/ISP:a%40b.ma?secret=JBSWY3DPEHPK3PXP", qr};
    const nlohmann::json j = wire::to_json(enrolment);
    CHECK(j["qr_code"]["size"] == 21);
    CHECK(j["qr_code"]["rows"][1] == std::string(21, '1'));
    const TotpEnrolment back = wire::totp_enrolment_from_json(j);
    CHECK(back.secret == enrolment.secret);
    CHECK(back.otpauth_uri == enrolment.otpauth_uri);
    CHECK(back.qr_code.rows == qr.rows);
    CHECK(back.qr_code.dark(1, 0));
    CHECK_FALSE(back.qr_code.dark(0, 0));

    nlohmann::json short_row = j;
    short_row["qr_code"]["rows"][3] = std::string(20, '0');
    CHECK_THROWS(wire::totp_enrolment_from_json(short_row));
    nlohmann::json other_digit = j;
    other_digit["qr_code"]["rows"][3] = std::string(20, '0') + "2";
    CHECK_THROWS(wire::totp_enrolment_from_json(other_digit));
    nlohmann::json missing_row = j;
    missing_row["qr_code"]["rows"].erase(20);
    CHECK_THROWS(wire::totp_enrolment_from_json(missing_row));
    nlohmann::json tiny = j;
    tiny["qr_code"] = {{"size", 1}, {"rows", {"1"}}};
    CHECK_THROWS(wire::totp_enrolment_from_json(tiny));

    CHECK(wire::recovery_codes_from_json(wire::recovery_codes_json({"k3m9xq-7hp2wd", "aaaaaa-bbbbbb"})) ==
          std::vector<std::string>{"k3m9xq-7hp2wd", "aaaaaa-bbbbbb"});
}
