#include "server/services/invoice_records.h"

#include "server/services/failure.h"
#include "server/services/invoice_documents.h"
#include "server/services/service_context.h"
#include "server/store/database.h"
#include "server/store/invoice_store.h"

namespace isp::services {

Page<Invoice> list_invoices(ServiceContext& context, const InvoiceFilter& filter, const InvoiceSort& sort,
                            std::int64_t limit, std::int64_t offset) {
    return context.db.read([&](store::Connection& c) {
        return Page<Invoice>{store::count_invoices(c, filter),
                             store::list_invoices_page(c, filter, sort, limit, offset)};
    });
}

Invoice get_invoice(ServiceContext& context, const std::string& invoice_id) {
    auto invoice = context.db.read([&](store::Connection& c) { return store::find_invoice(c, invoice_id); });
    if (!invoice)
        throw Failure(FailureKind::NotFound, "invoice_not_found", "No invoice has the id " + invoice_id + ".");
    return std::move(*invoice);
}

std::string invoice_pdf(ServiceContext& context, const std::string& invoice_id) {
    return context.db.read([&](store::Connection& c) { return context.invoice_documents.render(c, invoice_id); });
}

} // namespace isp::services
