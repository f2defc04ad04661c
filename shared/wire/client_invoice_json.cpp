#include "shared/wire/client_invoice_json.h"

#include "shared/wire/invoice_json.h"

namespace isp::wire {

nlohmann::json to_json(const ClientInvoices& invoices, const Date& today) {
    nlohmann::json data = nlohmann::json::array();
    for (const ClientInvoice& ci : invoices.invoices) {
        nlohmann::json j = to_json(ci.invoice, today);
        j.erase("billing_run_id"); // staff bookkeeping, not the client's
        j["document_download_url"] = ci.document_download_url;
        j["document_url_expires_at"] = ci.document_url_expires_at;
        data.push_back(std::move(j));
    }
    return page_json(std::move(data), invoices.pagination);
}

ClientInvoices client_invoices_from_json(const nlohmann::json& j) {
    ClientInvoices out;
    for (const nlohmann::json& item : j.at("data")) {
        ClientInvoice ci;
        ci.invoice = invoice_from_json(item);
        ci.status = parse_invoice_status(item.value("status", "")).value_or(ci.invoice.settlement);
        ci.document_download_url = item.value("document_download_url", "");
        ci.document_url_expires_at = item.value("document_url_expires_at", "");
        out.invoices.push_back(std::move(ci));
    }
    if (const auto it = j.find("pagination"); it != j.end())
        out.pagination = pagination_from_json(*it);
    return out;
}

} // namespace isp::wire
