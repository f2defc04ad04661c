// Wire format of GET /api/v1/landing/clients/{cin}/invoices: a verified client's
// invoices, newest first, each with its lines, its status as of today and a signed link
// to its PDF (the staff invoice JSON without the billing run).
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "shared/domain/invoice.h"
#include "shared/wire/page_json.h"

namespace isp::wire {

struct ClientInvoice {
    Invoice invoice;
    InvoiceStatus status = InvoiceStatus::Open; // as of the day it was sent; overdue included
    std::string document_download_url;          // relative to the site
    std::string document_url_expires_at;
    bool operator==(const ClientInvoice&) const = default;
};

struct ClientInvoices {
    std::vector<ClientInvoice> invoices; // newest first
    Pagination pagination;               // total: all the client's invoices, beyond this page too
    bool operator==(const ClientInvoices&) const = default;
};

// Statuses and outstanding amounts are written as of `today` (invoice_json.h).
nlohmann::json to_json(const ClientInvoices& invoices, const Date& today);
ClientInvoices client_invoices_from_json(const nlohmann::json& j); // throws nlohmann::json::exception on bad shape

} // namespace isp::wire
