#include "shared/wire/payment_json.h"

#include "shared/domain/money.h"
#include "shared/domain/text.h"
#include "shared/wire/json_reader.h"
#include "shared/wire/money_json.h"

namespace isp::wire {
namespace {

// The optional fields payments and approvals share.
void read_payment_common(const nlohmann::json& body, const Date& today, PaymentMethod& method, std::string& reference,
                         Date& received_on, bool method_required, FieldErrors& errors) {
    const auto m = body.find("method");
    if (m == body.end()) {
        if (method_required)
            errors.push_back({"method", "required",
                              "method must be one of cash, card, bank_transfer, cheque, direct_debit, mobile_money."});
    } else if (!m->is_string() || !parse_payment_method(m->get<std::string>())) {
        errors.push_back({"method", "invalid_method",
                          "method must be one of cash, card, bank_transfer, cheque, direct_debit, mobile_money."});
    } else {
        method = *parse_payment_method(m->get<std::string>());
    }

    if (const auto r = body.find("reference"); r != body.end()) {
        if (!r->is_string() || utf8_length(r->get<std::string>()) > max_payment_reference_chars ||
            !is_clean_utf8_line(r->get<std::string>()))
            errors.push_back(
                {"reference", "invalid_length", "reference must be one line of text of at most 100 characters."});
        else
            reference = std::string(trim(r->get<std::string>()));
    }

    received_on = today;
    if (const auto d = body.find("received_on"); d != body.end()) {
        const auto parsed = d->is_string() ? parse_iso_date(d->get<std::string>()) : std::nullopt;
        if (!parsed)
            errors.push_back({"received_on", "invalid_date", "received_on must be a date, YYYY-MM-DD."});
        else if (*parsed > today)
            errors.push_back({"received_on", "in_future",
                              "received_on cannot be after today (" + today.to_iso() +
                                  "): record money once it is "
                                  "received."});
        else
            received_on = *parsed;
    }
}

template <class T, class Parse> T payment_enum_at(const nlohmann::json& j, const char* key, Parse parse) {
    const auto value = parse(j.at(key).template get<std::string>());
    if (!value)
        throw nlohmann::json::other_error::create(501, std::string("unknown ") + key, &j);
    return *value;
}

} // namespace

nlohmann::json to_json(const PaymentCommand& c) {
    return {{"invoice_id", c.invoice_id},
            {"amount", to_json(c.amount)},
            {"method", std::string(to_string(c.method))},
            {"reference", c.reference},
            {"received_on", c.received_on.to_iso()}};
}

PaymentCommand payment_command_from_json(const nlohmann::json& body, const Date& today, FieldErrors& errors) {
    PaymentCommand cmd;
    const auto invoice = body.find("invoice_id");
    if (invoice == body.end() || !invoice->is_string() || invoice->get<std::string>().empty() ||
        invoice->get<std::string>().size() > 64)
        errors.push_back({"invoice_id", "required", "invoice_id must be the id of an invoice."});
    else
        cmd.invoice_id = invoice->get<std::string>();

    const auto amount = body.find("amount");
    if (amount == body.end() || !amount->is_object()) {
        errors.push_back({"amount", "required", "amount must be {\"amount_minor\": ..., \"currency\": ...}."});
    } else {
        const auto minor = amount->find("amount_minor");
        if (minor == amount->end() || !minor->is_number_integer() || minor->get<std::int64_t>() <= 0)
            errors.push_back({"amount.amount_minor", "invalid_amount",
                              "amount.amount_minor must be a whole number of minor units, more than 0."});
        else
            cmd.amount.amount_minor = minor->get<std::int64_t>();
        const auto currency = amount->find("currency");
        if (currency == amount->end() || !currency->is_string() || !is_currency_code(currency->get<std::string>()))
            errors.push_back({"amount.currency", "invalid_currency",
                              "amount.currency must be an ISO 4217 code (3 capital letters)."});
        else
            cmd.amount.currency = currency->get<std::string>();
    }
    read_payment_common(body, today, cmd.method, cmd.reference, cmd.received_on, true, errors);
    return cmd;
}

nlohmann::json to_json(const ApprovalCommand& c) {
    return {{"method", std::string(to_string(c.method))},
            {"reference", c.reference},
            {"received_on", c.received_on.to_iso()}};
}

ApprovalCommand approval_command_from_json(const nlohmann::json& body, const Date& today, FieldErrors& errors) {
    ApprovalCommand cmd;
    read_payment_common(body, today, cmd.method, cmd.reference, cmd.received_on, false, errors);
    return cmd;
}

nlohmann::json to_json(const PaymentRecord& p) {
    return {{"payment_id", p.payment_id},         {"invoice_id", p.invoice_id},
            {"invoice_number", p.invoice_number}, {"client_id", p.client_id},
            {"amount", to_json(p.amount)},        {"method", std::string(to_string(p.method))},
            {"reference", p.reference},           {"allocation", std::string(to_string(p.allocation))},
            {"received_on", p.received_on},       {"actor", p.actor},
            {"created_at", p.created_at}};
}

PaymentRecord payment_record_from_json(const nlohmann::json& j) {
    PaymentRecord p;
    p.payment_id = j.at("payment_id").get<std::string>();
    p.invoice_id = j.at("invoice_id").get<std::string>();
    p.invoice_number = j.at("invoice_number").get<std::string>();
    p.client_id = j.at("client_id").get<std::string>();
    p.amount = money_from_json(j.at("amount"));
    p.method = payment_enum_at<PaymentMethod>(j, "method", [](std::string_view t) { return parse_payment_method(t); });
    p.reference = j.at("reference").get<std::string>();
    const std::string allocation = j.at("allocation").get<std::string>();
    if (allocation != to_string(Allocation::Partial) && allocation != to_string(Allocation::Full))
        throw nlohmann::json::other_error::create(501, "unknown allocation", &j);
    p.allocation = allocation == to_string(Allocation::Full) ? Allocation::Full : Allocation::Partial;
    p.received_on = j.at("received_on").get<std::string>();
    p.actor = j.at("actor").get<std::string>();
    p.created_at = j.at("created_at").get<std::string>();
    return p;
}

nlohmann::json to_json(const PostedPayment& posted) {
    const auto& i = posted.invoice;
    const nlohmann::json outstanding = to_json(Money{i.outstanding_minor(), i.currency});
    return {
        {"payment", posted.payment ? to_json(*posted.payment) : nlohmann::json(nullptr)},
        {"invoice",
         {{"invoice_id", i.invoice_id},
          {"invoice_number", i.invoice_number},
          {"client_id", i.client_id},
          {"status", i.status},
          {"due_date", i.due_date},
          {"total", to_json(Money{i.total_minor, i.currency})},
          {"paid", to_json(Money{i.paid_minor, i.currency})},
          {"outstanding", outstanding}}},
        {"invoice_status", i.status},
        {"outstanding", outstanding},
        {"allocation",
         posted.payment ? nlohmann::json(std::string(to_string(posted.payment->allocation))) : nlohmann::json(nullptr)},
        {"closed_case_id", posted.closed_case_id ? nlohmann::json(*posted.closed_case_id) : nlohmann::json(nullptr)}};
}

PostedPayment posted_payment_from_json(const nlohmann::json& j) {
    PostedPayment posted;
    if (const auto& payment = j.at("payment"); !payment.is_null())
        posted.payment = payment_record_from_json(payment);
    const nlohmann::json& i = j.at("invoice");
    InvoiceBalance& b = posted.invoice;
    b.invoice_id = i.at("invoice_id").get<std::string>();
    b.invoice_number = i.at("invoice_number").get<std::string>();
    b.client_id = i.at("client_id").get<std::string>();
    b.status = i.at("status").get<std::string>();
    b.due_date = i.at("due_date").get<std::string>();
    const Money total = money_from_json(i.at("total"));
    b.currency = total.currency;
    b.total_minor = total.amount_minor;
    b.paid_minor = money_from_json(i.at("paid")).amount_minor;
    if (const auto it = j.find("closed_case_id"); it != j.end() && !it->is_null())
        posted.closed_case_id = it->get<std::string>();
    return posted;
}

} // namespace isp::wire
