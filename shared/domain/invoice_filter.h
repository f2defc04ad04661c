// Which invoices a list shows (staff GET /invoices, a client's history); an absent field
// does not filter. `today` decides which invoices are overdue.
#pragma once
#include <optional>
#include <string>

#include "shared/domain/date.h"
#include "shared/domain/invoice.h"
#include "shared/domain/offer.h"

namespace isp {

struct InvoiceFilter {
    std::optional<std::string> client_id;
    std::optional<ServiceFamily> service; // any line of that family
    std::optional<std::string> offer_id;  // any line on that offer
    std::optional<InvoiceStatus> status;
    std::optional<std::string> period; // the billing period the invoice bills, "YYYY-MM"
    Date today;
};

} // namespace isp
