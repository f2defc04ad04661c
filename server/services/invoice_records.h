// Issued invoices as staff read them (process map P12): a filtered, sorted list (newest
// first by default, without lines), one invoice with its lines, and its PDF, the document the client
// receives.
#pragma once
#include <cstdint>
#include <string>

#include "server/services/page.h"
#include "shared/domain/invoice.h"
#include "shared/domain/invoice_filter.h"
#include "shared/domain/list_sort.h"

namespace isp::services {
struct ServiceContext;

// In `sort`'s order (default_invoice_sort: newest first).
Page<Invoice> list_invoices(ServiceContext& context, const InvoiceFilter& filter, const InvoiceSort& sort,
                            std::int64_t limit, std::int64_t offset);
Invoice get_invoice(ServiceContext& context, const std::string& invoice_id); // 404 invoice_not_found
// The PDF, rendered from the invoice as stored; 404 as InvoiceDocuments::render.
std::string invoice_pdf(ServiceContext& context, const std::string& invoice_id);

} // namespace isp::services
