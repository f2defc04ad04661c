#include "console/app/payments.h"

#include <algorithm>

#include "console/i18n/console_text.h"
#include "shared/wire/payment_json.h"
#include "webapp/api/api_call.h"

namespace isp::console {
namespace {

using T = webapp::Translation;

constexpr T loading_payments{"Chargement des paiements", "Loading the payments"};
constexpr T payment_recorded_on_invoice{"Paiement enregistr\u00e9 sur la facture {}.",
                                        "Payment recorded on invoice {}."};

std::string payments_query(const PaymentFilters& f, std::int64_t page) {
    std::string q = "?page=" + std::to_string(page);
    const auto add = [&q](std::string_view name, const std::string& value) {
        if (!value.empty())
            q += "&" + std::string{name} + "=" + webapp::query_value(value);
    };
    add("invoice_id", f.invoice_id);
    add("client_id", f.client_id);
    add("method", f.method);
    add("from", f.from);
    add("to", f.to);
    return q;
}

} // namespace

PaymentFilters payment_filters_from(std::string_view text) {
    PaymentFilters f;
    for_each_filter_pair(text, [&f](std::string_view key, std::string value) {
        if (key == "invoice_id")
            f.invoice_id = std::move(value);
        else if (key == "client_id")
            f.client_id = std::move(value);
        else if (key == "method")
            f.method = std::move(value);
        else if (key == "from")
            f.from = std::move(value);
        else if (key == "to")
            f.to = std::move(value);
    });
    return f;
}

std::string to_text(const PaymentFilters& f) {
    std::string out;
    add_filter_pair(out, "invoice_id", f.invoice_id);
    add_filter_pair(out, "client_id", f.client_id);
    add_filter_pair(out, "method", f.method);
    add_filter_pair(out, "from", f.from);
    add_filter_pair(out, "to", f.to);
    return out;
}

Payments::Payments(ConsoleContext& context)
    : Section(context),
      payment_form_(
          context, [this](Notice n) { show(std::move(n)); },
          [this](const PostedPayment& posted) {
              show(success(webapp::with_value(tr(payment_recorded_on_invoice, lang()), posted.invoice.invoice_number)));
              load(1);
          }) {}

std::string_view Payments::busy() const {
    return payment_form_.busy().empty() ? busy_ : payment_form_.busy();
}

void Payments::open(const Place& place) {
    if (payment_form_.is_open())
        payment_form_.cancel();
    if (place.filter == "record" && !place.id.empty()) {
        applied_ = filters = PaymentFilters{};
        load(1);
        if (may_write()) {
            payment_form_.open_blank();
            payment_form_.invoice_id = place.id;
            payment_form_.look_up();
        }
        return;
    }
    applied_ = filters = payment_filters_from(place.filter);
    load(1);
}

void Payments::apply_filters() {
    ctx_.go(Place{"payments", "", to_text(filters)});
}

void Payments::clear_filters() {
    filters = {};
    apply_filters();
}

void Payments::load(std::int64_t page) {
    busy_ = "loading";
    const PaymentFilters sent = applied_;
    ctx_.api.get_page<PaymentRecord>(
        "/collections/payments" + payments_query(sent, page), wire::payment_record_from_json,
        [this, page, sent](ApiResult<Page<PaymentRecord>> result) {
            busy_ = {};
            if (!result.value) {
                show(failure(result.error, tr(loading_payments, lang()), lang(), [this, page] { load(page); }));
                return;
            }
            if (sent == applied_)
                page_ = std::move(*result.value);
        });
}

void Payments::sort_payments(int column, bool ascending) {
    const auto key = [column](const PaymentRecord& p) -> std::tuple<std::string, std::int64_t> {
        switch (column) {
        case 1: return {p.invoice_number, 0};
        case 2: return {"", p.amount.amount_minor};
        case 3: return {std::string{to_string(p.method)}, 0};
        case 4: return {p.reference, 0};
        default: return {p.received_on + p.created_at, 0};
        }
    };
    std::stable_sort(page_.items.begin(), page_.items.end(), [&](const PaymentRecord& a, const PaymentRecord& b) {
        return ascending ? key(a) < key(b) : key(b) < key(a);
    });
}

void Payments::open_invoice(const std::string& invoice_id) const {
    ctx_.go(Place{"billing", invoice_id, "invoice"});
}

void Payments::record_payment() {
    if (!may_write())
        return;
    dismiss_notice();
    payment_form_.open_blank();
}

void Payments::describe(nlohmann::json& state) const {
    nlohmann::json ids = nlohmann::json::array();
    for (const PaymentRecord& p : page_.items)
        ids.push_back(p.payment_id);
    nlohmann::json s = {{"payments", std::move(ids)},
                        {"page", page_.pagination.page},
                        {"total", page_.pagination.total},
                        {"filter", to_text(applied_)},
                        {"can_record_payment", may_write()}};
    payment_form_.describe(s, state);
    state["payments"] = std::move(s);
}

} // namespace isp::console
