#include "shared/wire/event_json.h"

#include <cstdint>

#include "shared/wire/optional_json.h"

namespace isp::wire {
namespace {

// JSON text of an object, written member by member into one string.
class ObjectText {
public:
    explicit ObjectText(std::size_t capacity) { text_.reserve(capacity); }
    ObjectText& text(std::string_view key, std::string_view value) {
        open(key);
        quoted(value);
        return *this;
    }
    ObjectText& money(std::string_view key, std::int64_t amount_minor, std::string_view currency) {
        open(key);
        text_ += "{\"amount_minor\":";
        text_ += std::to_string(amount_minor);
        text_ += ",\"currency\":";
        quoted(currency);
        text_ += '}';
        return *this;
    }
    std::string done() {
        text_ += text_.empty() ? "{}" : "}";
        return std::move(text_);
    }

private:
    void open(std::string_view key) {
        text_ += text_.empty() ? '{' : ',';
        quoted(key);
        text_ += ':';
    }
    // RFC 8259 escaping: the quote, the backslash and control characters; UTF-8 as it is.
    void quoted(std::string_view s) {
        text_ += '"';
        for (const char ch : s) {
            if (ch == '"' || ch == '\\') {
                text_ += '\\';
                text_ += ch;
            } else if (static_cast<unsigned char>(ch) < 0x20) {
                static constexpr char hex[] = "0123456789abcdef";
                text_ += "\\u00";
                text_ += hex[(ch >> 4) & 0xf];
                text_ += hex[ch & 0xf];
            } else {
                text_ += ch;
            }
        }
        text_ += '"';
    }

    std::string text_;
};

} // namespace

std::string invoice_issued_data(const Invoice& i, std::string_view service_identifier) {
    return ObjectText(512)
        .text("invoice_id", i.invoice_id)
        .text("invoice_number", i.invoice_number)
        .text("billing_run_id", i.billing_run_id)
        .text("contract_id", i.contract_id)
        .text("client_id", i.client_id)
        .text("service_identifier", service_identifier)
        .text("period", i.period)
        .text("period_start", i.period_start.to_iso())
        .text("period_end", i.period_end.to_iso())
        .text("issue_date", i.issue_date.to_iso())
        .text("due_date", i.due_date.to_iso())
        .money("subtotal", i.subtotal_minor, i.currency)
        .money("tax", i.tax_minor, i.currency)
        .money("total", i.total_minor, i.currency)
        .done();
}

std::string invoice_issued_reference(const Invoice& i) {
    return ObjectText(48).text("invoice_id", i.invoice_id).done();
}

nlohmann::json to_json(const Event& e) {
    auto data = nlohmann::json::parse(e.data, nullptr, false);
    return {{"sequence", e.sequence},
            {"event_id", e.event_id},
            {"type", e.type},
            {"occurred_at", e.occurred_at},
            {"contract_id", or_null(e.contract_id)},
            {"client_id", or_null(e.client_id)},
            {"data", data.is_discarded() ? nlohmann::json::object() : data}};
}

Event event_from_json(const nlohmann::json& j) {
    return {j.at("sequence").get<std::int64_t>(),
            j.at("event_id").get<std::string>(),
            j.at("type").get<std::string>(),
            j.at("occurred_at").get<std::string>(),
            null_or<std::string>(j, "contract_id"),
            null_or<std::string>(j, "client_id"),
            j.at("data").dump()};
}

} // namespace isp::wire
