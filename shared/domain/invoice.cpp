#include "shared/domain/invoice.h"

#include <cstdio>

namespace isp {

std::string_view to_string(InvoiceStatus status) {
    switch (status) {
    case InvoiceStatus::Open: return "open";
    case InvoiceStatus::PartiallyPaid: return "partially_paid";
    case InvoiceStatus::Paid: return "paid";
    case InvoiceStatus::Overdue: return "overdue";
    }
    return "open";
}

std::optional<InvoiceStatus> parse_invoice_status(std::string_view text) {
    for (InvoiceStatus s :
         {InvoiceStatus::Open, InvoiceStatus::PartiallyPaid, InvoiceStatus::Paid, InvoiceStatus::Overdue})
        if (to_string(s) == text)
            return s;
    return std::nullopt;
}

InvoiceStatus invoice_status(const Invoice& invoice, const Date& today) {
    if (invoice.due_date < today && outstanding_minor(invoice) > 0)
        return InvoiceStatus::Overdue;
    return invoice.settlement;
}

InvoiceStatus settlement_for(std::int64_t total_minor, std::int64_t paid_minor) {
    if (paid_minor >= total_minor)
        return InvoiceStatus::Paid;
    return paid_minor > 0 ? InvoiceStatus::PartiallyPaid : InvoiceStatus::Open;
}

std::string invoice_number(int issue_year, std::int64_t sequence) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "FAC-%04d-%06lld", issue_year, static_cast<long long>(sequence));
    return buf;
}

std::string_view to_string(InvoiceLineKind kind) {
    return kind == InvoiceLineKind::EarlyTermination ? "early_termination" : "subscription";
}

std::optional<InvoiceLineKind> parse_invoice_line_kind(std::string_view text) {
    if (text == "subscription")
        return InvoiceLineKind::Subscription;
    if (text == "early_termination")
        return InvoiceLineKind::EarlyTermination;
    return std::nullopt;
}

} // namespace isp
