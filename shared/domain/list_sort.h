// The orders the staff lists can be shown in (GET /customers, /contracts, /invoices `sort`):
// one key per list from a fixed set, ascending or descending. Each key stands for a whole
// order that ends in a unique column (the record's id, or an invoice's number), so equal
// values never swap places between pages; a descending sort reverses that whole order. Where
// a key becomes SQL is the store's own table (server/store), never the client's text.
#pragma once

namespace isp {

template <class Key> struct ListSort {
    Key key{};
    bool descending = false;
    bool operator==(const ListSort&) const = default;
};

// Customers: by name (last, first, id: the list's default), first name, CIN, phone, e-mail,
// creation.
enum class CustomerSortKey { LastName, FirstName, Cin, Phone, Email, CreatedAt };
using CustomerSort = ListSort<CustomerSortKey>;

// Contracts: by creation (the default, oldest first), number, subscriber, status, start date.
enum class ContractSortKey { CreatedAt, ContractNumber, ServiceIdentifier, Status, StartDate };
using ContractSort = ListSort<ContractSortKey>;

// Invoices: by issue date (then number; the default is newest first), number, billing
// period, due date, total.
enum class InvoiceSortKey { IssueDate, InvoiceNumber, Period, DueDate, Total };
using InvoiceSort = ListSort<InvoiceSortKey>;

inline constexpr CustomerSort default_customer_sort{CustomerSortKey::LastName, false};
inline constexpr ContractSort default_contract_sort{ContractSortKey::CreatedAt, false};
inline constexpr InvoiceSort default_invoice_sort{InvoiceSortKey::IssueDate, true};

} // namespace isp
