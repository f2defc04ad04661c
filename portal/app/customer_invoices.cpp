// CustomerJourney's invoices (issue #6): the verified client's invoices with their lines,
// narrowed by status, each downloadable as the PDF the server renders.
#include "portal/app/customer_journey.h"
#include "webapp/platform/browser.h"

namespace isp::portal {

void CustomerJourney::open_invoices() {
    if (busy_ != CustomerBusy::None)
        return;
    notice_.reset();
    busy_ = CustomerBusy::LoadingInvoices;
    api_.invoices(verified_cin_, token_, [this](ApiResult<ClientInvoices> result) {
        busy_ = CustomerBusy::None;
        if (!result.value) {
            if (!token_lost(result.error))
                show_server(result.error, Text::RequestRejected); // the dashboard offers a retry
            return;
        }
        invoices_ = std::move(*result.value);
        step_ = CustomerStep::Invoices;
    });
}

void CustomerJourney::toggle_invoice(const std::string& invoice_id) {
    expanded_invoice_ = expanded_invoice_ == invoice_id ? std::string{} : invoice_id;
}

void CustomerJourney::download_invoice(const std::string& invoice_id) {
    for (const ClientInvoice& i : invoices_.invoices)
        if (i.invoice.invoice_id == invoice_id && !i.document_download_url.empty())
            webapp::platform::open_document(i.document_download_url);
}

} // namespace isp::portal
