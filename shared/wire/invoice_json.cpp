#include "shared/wire/invoice_json.h"

#include "shared/wire/json_reader.h"

#include "shared/wire/offer_json.h"

namespace isp::wire {
namespace {

nlohmann::json money(std::int64_t amount_minor, const std::string& currency) {
    return to_json(Money{amount_minor, currency});
}

} // namespace

nlohmann::json to_json(const InvoiceClient& c) {
    return {{"first_name", c.first_name},
            {"last_name", c.last_name},
            {"cin", c.cin},
            {"address", c.address},
            {"email", c.email}};
}

InvoiceClient invoice_client_from_json(const nlohmann::json& j) {
    return {j.at("first_name").get<std::string>(), j.at("last_name").get<std::string>(), j.at("cin").get<std::string>(),
            j.at("address").get<std::string>(), j.at("email").get<std::string>()};
}

nlohmann::json to_json(const InvoiceLine& l, const std::string& currency) {
    return {{"line_no", l.line_no},
            {"offer_id", l.offer_id},
            {"offer_name", l.offer_name},
            {"service", std::string(to_string(l.service_family))},
            {"service_identifier", l.service_identifier},
            {"from_date", l.from_date.to_iso()},
            {"to_date", l.to_date.to_iso()},
            {"days", l.days},
            {"days_in_period", l.days_in_period},
            {"monthly_price", money(l.monthly_price_minor, currency)},
            {"tax_rate_bp", l.tax_rate_bp},
            {"amount", money(l.amount_minor, currency)},
            {"tax", money(l.tax_minor, currency)},
            {"total", money(l.total_minor, currency)},
            {"kind", std::string(to_string(l.kind))}};
}

nlohmann::json to_json(const Invoice& i, const Date& today) {
    nlohmann::json j = {{"invoice_id", i.invoice_id},
                        {"invoice_number", i.invoice_number},
                        {"billing_run_id", i.billing_run_id},
                        {"client_id", i.client_id},
                        {"contract_id", i.contract_id},
                        {"period", i.period},
                        {"period_start", i.period_start.to_iso()},
                        {"period_end", i.period_end.to_iso()},
                        {"issue_date", i.issue_date.to_iso()},
                        {"due_date", i.due_date.to_iso()},
                        {"status", std::string(to_string(invoice_status(i, today)))},
                        {"subtotal", money(i.subtotal_minor, i.currency)},
                        {"tax", money(i.tax_minor, i.currency)},
                        {"total", money(i.total_minor, i.currency)},
                        {"paid", money(i.paid_minor, i.currency)},
                        {"outstanding", money(outstanding_minor(i), i.currency)},
                        {"client", to_json(i.client)},
                        {"created_at", i.created_at}};
    if (!i.lines.empty()) {
        nlohmann::json lines = nlohmann::json::array();
        for (const InvoiceLine& l : i.lines)
            lines.push_back(to_json(l, i.currency));
        j["lines"] = std::move(lines);
    }
    return j;
}

Invoice invoice_from_json(const nlohmann::json& j) {
    const auto date = [&](const nlohmann::json& v) { return parse_iso_date(v.get<std::string>()).value_or(Date{}); };
    Invoice i;
    i.invoice_id = j.at("invoice_id").get<std::string>();
    i.invoice_number = j.at("invoice_number").get<std::string>();
    i.billing_run_id = j.value("billing_run_id", "");
    i.client_id = j.value("client_id", "");
    i.contract_id = j.value("contract_id", "");
    i.period = j.at("period").get<std::string>();
    i.period_start = date(j.at("period_start"));
    i.period_end = date(j.at("period_end"));
    i.issue_date = date(j.at("issue_date"));
    i.due_date = date(j.at("due_date"));
    const Money total = money_from_json(j.at("total"));
    i.currency = total.currency;
    i.total_minor = total.amount_minor;
    i.subtotal_minor = money_from_json(j.at("subtotal")).amount_minor;
    i.tax_minor = money_from_json(j.at("tax")).amount_minor;
    i.paid_minor = money_from_json(j.at("paid")).amount_minor;
    i.settlement = settlement_for(i.total_minor, i.paid_minor);
    if (const auto it = j.find("client"); it != j.end())
        i.client = invoice_client_from_json(*it);
    if (const auto it = j.find("lines"); it != j.end())
        for (const nlohmann::json& l : *it) {
            InvoiceLine line;
            line.line_no = integer_value<int>(l.at("line_no"));
            line.offer_id = l.at("offer_id").get<std::string>();
            line.offer_name = l.at("offer_name").get<std::string>();
            line.service_family =
                parse_service_family(l.at("service").get<std::string>()).value_or(ServiceFamily::Mobile);
            line.service_identifier = l.value("service_identifier", "");
            line.from_date = date(l.at("from_date"));
            line.to_date = date(l.at("to_date"));
            line.days = integer_value<int>(l.at("days"));
            line.days_in_period = integer_value<int>(l.at("days_in_period"));
            line.monthly_price_minor = money_from_json(l.at("monthly_price")).amount_minor;
            line.tax_rate_bp = integer_value<BasisPoints>(l.at("tax_rate_bp"));
            line.amount_minor = money_from_json(l.at("amount")).amount_minor;
            line.tax_minor = money_from_json(l.at("tax")).amount_minor;
            line.total_minor = money_from_json(l.at("total")).amount_minor;
            line.kind =
                parse_invoice_line_kind(l.value("kind", "subscription")).value_or(InvoiceLineKind::Subscription);
            i.lines.push_back(std::move(line));
        }
    i.created_at = j.value("created_at", "");
    return i;
}

} // namespace isp::wire
