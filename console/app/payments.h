// Payments: record a payment on an invoice (the outstanding amount prefilled, method,
// reference, date: app/payment_form.h) and the list of payments with filters, a page at a
// time. Its screen: console/screens/payments_view.cpp.
//
// Places: Place{"payments"} the list; Place{"payments", "", "method=cash&from=2026-11-01"}
// the list with those filters; Place{"payments", invoice_id, "record"} the form for that
// invoice.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "console/app/payment_form.h"
#include "console/app/section.h"
#include "shared/collections/payment_record.h"

namespace isp::console {

// The filters GET /collections/payments takes (server/routes/collection_payments.cpp).
struct PaymentFilters {
    std::string invoice_id;
    std::string client_id;
    std::string method; // cash, card, bank_transfer, cheque, direct_debit, mobile_money
    std::string from;   // YYYY-MM-DD, received on or after
    std::string to;     // YYYY-MM-DD, received on or before
    bool operator==(const PaymentFilters&) const = default;
};
PaymentFilters payment_filters_from(std::string_view text); // "method=cash&from=2026-11-01"
std::string to_text(const PaymentFilters& filters);

class Payments : public Section {
public:
    explicit Payments(ConsoleContext& context);

    std::string_view name() const override { return "payments"; }
    void open(const Place& place) override;
    std::string_view busy() const override;
    void describe(nlohmann::json& state) const override;

    bool may_write() const { return ctx_.may(StaffRole::Ops); }

    PaymentFilters filters; // typed; apply_filters() sends them
    void apply_filters();   // page 1 with `filters`
    void clear_filters();
    void load(std::int64_t page);
    // Sorts the page shown (0 received on, 1 invoice number, 2 amount, 3 method, 4 reference).
    void sort_payments(int column, bool ascending);
    void open_invoice(const std::string& invoice_id) const; // Place{"billing", id, "invoice"}

    void record_payment(); // the form, the invoice's id to type
    PaymentForm& payment_form() { return payment_form_; }
    const PaymentForm& payment_form() const { return payment_form_; }

    const std::vector<PaymentRecord>& payments() const { return page_.items; }
    const wire::Pagination& pagination() const { return page_.pagination; }
    const PaymentFilters& applied_filters() const { return applied_; }

private:
    PaymentFilters applied_;
    Page<PaymentRecord> page_;
    PaymentForm payment_form_;
};

} // namespace isp::console
