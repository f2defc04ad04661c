#include "shared/collections/payment.h"

namespace isp {

std::string_view to_string(PaymentMethod method) {
    switch (method) {
    case PaymentMethod::Cash: return "cash";
    case PaymentMethod::Card: return "card";
    case PaymentMethod::BankTransfer: return "bank_transfer";
    case PaymentMethod::Cheque: return "cheque";
    case PaymentMethod::DirectDebit: return "direct_debit";
    case PaymentMethod::MobileMoney: return "mobile_money";
    }
    return "cash";
}

std::optional<PaymentMethod> parse_payment_method(std::string_view text) {
    for (PaymentMethod m : all_payment_methods)
        if (to_string(m) == text)
            return m;
    return std::nullopt;
}

std::string_view to_string(InvoiceSettlement settlement) {
    switch (settlement) {
    case InvoiceSettlement::Open: return "open";
    case InvoiceSettlement::PartiallyPaid: return "partially_paid";
    case InvoiceSettlement::Paid: return "paid";
    }
    return "open";
}

InvoiceSettlement settlement_of(std::int64_t total_minor, std::int64_t paid_minor) {
    if (paid_minor >= total_minor)
        return InvoiceSettlement::Paid;
    return paid_minor > 0 ? InvoiceSettlement::PartiallyPaid : InvoiceSettlement::Open;
}

std::string_view to_string(Allocation allocation) {
    return allocation == Allocation::Full ? "full" : "partial";
}

std::optional<PaymentRefusal> check_payment(std::int64_t total_minor, std::int64_t paid_minor,
                                            std::int64_t amount_minor) {
    if (amount_minor <= 0)
        return PaymentRefusal::NotPositive;
    if (paid_minor >= total_minor)
        return PaymentRefusal::InvoiceAlreadyPaid;
    if (amount_minor > total_minor - paid_minor)
        return PaymentRefusal::ExceedsOutstanding;
    return std::nullopt;
}

PaymentEffect apply_payment(std::int64_t total_minor, std::int64_t paid_minor, std::int64_t amount_minor) {
    PaymentEffect e;
    e.paid_minor = paid_minor + amount_minor;
    e.outstanding_minor = total_minor - e.paid_minor;
    e.settlement = settlement_of(total_minor, e.paid_minor);
    e.allocation = e.outstanding_minor <= 0 ? Allocation::Full : Allocation::Partial;
    return e;
}

} // namespace isp
