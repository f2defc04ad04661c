// Invoices and their lines in the database (SQL only; the billing run decides what to
// write, services decide who may read what).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/domain/date.h"
#include "shared/domain/invoice.h"
#include "shared/domain/invoice_filter.h"
#include "shared/domain/list_sort.h"
#include "shared/domain/money.h"

namespace isp::store {

class Connection;

// Writes the invoice row and its lines (the invoice's `lines`).
void insert_invoice(Connection& c, const Invoice& invoice, const std::string& now);

// With its lines; nullopt when unknown.
// What a client owes on their invoices (total - paid), and the part due before `today`;
// in the currency of their invoices (`fallback_currency` when they have none).
struct ClientBalance {
    Money due;
    Money past_due;
};
ClientBalance client_balance(Connection& c, std::string_view client_id, const Date& today,
                             const std::string& fallback_currency);

std::optional<Invoice> find_invoice(Connection& c, std::string_view invoice_id);
// Whether the contract has its invoice for `period` ("2026-12") already.
bool contract_invoiced_for(Connection& c, std::string_view contract_id, std::string_view period);
// Reads the lines of all these invoices (a listed page) in one query.
void attach_lines(Connection& c, std::vector<Invoice>& invoices);

// GET /invoices filters; every set field must match (period: the invoice's billing period). `status` is the derived
// status as of `today` (overdue: due_date before today with something outstanding). The filter is the domain's
// (shared/domain/invoice_filter.h); the name stays for callers.
using InvoiceFilter = isp::InvoiceFilter;
std::int64_t count_invoices(Connection& c, const InvoiceFilter& filter);
// In `sort`'s order (default_invoice_sort: newest first, by issue date then number), the id
// last; without lines.
std::vector<Invoice> list_invoices_page(Connection& c, const InvoiceFilter& filter, const InvoiceSort& sort,
                                        std::int64_t limit, std::int64_t offset);

// How many invoices exist for a period ("2026-03").
std::int64_t count_invoices_of_period(Connection& c, std::string_view period);

} // namespace isp::store
