// Wire format of invoices (the staff API and the portal's self-service invoices):
// money as {"amount_minor", "currency"}, dates ISO 8601, status derived for `today`.
#pragma once
#include <nlohmann/json.hpp>

#include "shared/domain/invoice.h"

namespace isp::wire {

nlohmann::json to_json(const InvoiceClient& client);
InvoiceClient invoice_client_from_json(const nlohmann::json& j); // throws nlohmann::json::exception on bad shape

nlohmann::json to_json(const InvoiceLine& line, const std::string& currency);

// With "lines" only when the invoice has them loaded (detail), and the derived
// "status" and "outstanding" as of `today`.
nlohmann::json to_json(const Invoice& invoice, const Date& today);

// An invoice as to_json writes it (the portal reads its invoices with it); `settlement`
// from "paid" (the stored state is not on the wire: overdue hides it). Throws
// nlohmann::json::exception on a bad shape.
Invoice invoice_from_json(const nlohmann::json& j);

} // namespace isp::wire
