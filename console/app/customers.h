// Customers: search as you type (name, CIN, phone) in an order the server sorts by (the
// place's "sort=..." filter, so Back restores it), create and edit with the shared rules
// checked as typed, and a customer's page (contracts, invoices, payments, collection cases,
// the notifications the server sent them, and the audit trail of the customer's contracts:
// the API keeps none for clients themselves). Its screen: console/screens/customers_view.cpp.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "console/app/section.h"
#include "console/app/write_attempt.h"
#include "shared/collections/case_record.h"
#include "shared/collections/payment_record.h"
#include "shared/domain/client.h"
#include "shared/domain/contract.h"
#include "shared/domain/contract_history.h"
#include "shared/domain/customer_notification.h"
#include "shared/domain/invoice.h"
#include "shared/domain/list_sort.h"
#include "shared/signup/client_form.h"
#include "shared/wire/page_json.h"

namespace isp::console {

class Customers : public Section {
public:
    using Section::Section;

    std::string_view name() const override { return "customers"; }
    void open(const Place& place) override;
    std::string_view busy() const override;
    void describe(nlohmann::json& state) const override;

    // Whether the person may create and edit customers (and open contracts for them).
    bool may_write() const { return ctx_.may(StaffRole::Ops); }

    // --- the list ------------------------------------------------------------------------
    // The search as typed: asks the server now, or, while an answer for an older text is on
    // its way, as soon as it comes (only the latest text is ever asked for next).
    void search(std::string query);
    void go_to_page(std::int64_t page);
    // Shows the list in `sort`'s order from its first page: a new place (Back returns to the
    // order before).
    void sort_by(const CustomerSort& sort);
    const CustomerSort& sort() const { return sort_; }
    void open_customer(const std::string& client_id);
    const std::string& query() const { return query_; }
    const std::vector<Client>& customers() const { return customers_; }
    const wire::Pagination& pagination() const { return pagination_; }

    // --- the customer's page -------------------------------------------------------------
    const Client& customer() const { return customer_; }
    bool has_customer() const { return !customer_.client_id.empty(); }
    const std::vector<Contract>& contracts() const { return contracts_; }
    const std::vector<Invoice>& invoices() const { return invoices_; }
    const std::string& invoice_status(std::size_t i) const { return invoice_statuses_.at(i); }
    const std::vector<PaymentRecord>& payments() const { return payments_; }
    const std::vector<CollectionCase>& cases() const { return cases_; }
    const std::vector<AuditRecord>& audit() const { return audit_; } // newest first
    // What the server told the customer (e-mails), newest first, with whether it went out.
    const std::vector<CustomerNotification>& notifications() const { return notifications_; }
    void open_contract(const std::string& contract_id);
    void open_invoice(const std::string& invoice_id);
    void open_case(const std::string& case_id);
    void new_contract(); // the contracts section's provisioning, for this customer

    // --- create and edit -----------------------------------------------------------------
    ClientForm form; // as typed
    bool form_open() const { return form_open_; }
    bool editing() const { return !editing_id_.empty(); }
    void start_create();
    void start_edit(); // the open customer
    void close_form();
    void submit_form();
    // The shared rule's verdict on `field` as typed ("" when fine, or not typed yet); after a
    // submit, every field's (required ones included) and the server's.
    std::string field_problem(std::string_view field) const;

private:
    void send_search();
    std::string search_path() const;
    void load_customer(const std::string& client_id);
    void load_audit(std::uint64_t generation);
    void loaded(std::uint64_t generation);

    // The list.
    std::string query_;
    CustomerSort sort_ = default_customer_sort;
    std::string asked_;           // the path of the search on its way
    bool searching_ = false;      // a search is on its way
    bool search_pending_ = false; // the text or order changed meanwhile: ask again when it answers
    std::int64_t page_ = 1;
    std::vector<Client> customers_;
    wire::Pagination pagination_;
    bool listed_ = false;

    // The page.
    std::uint64_t generation_ = 0; // the page's loads; an answer for an older one is dropped
    int loading_ = 0;
    Client customer_;
    std::vector<Contract> contracts_;
    std::vector<Invoice> invoices_;
    std::vector<std::string> invoice_statuses_; // as the server shows them (overdue included)
    std::vector<PaymentRecord> payments_;
    std::vector<CollectionCase> cases_;
    std::vector<AuditRecord> audit_;
    std::vector<CustomerNotification> notifications_;

    // The form.
    bool form_open_ = false;
    bool saving_ = false;
    bool submitted_ = false; // every error shows once the person tried to save
    std::string editing_id_;
    FieldErrors server_errors_;
    WriteAttempt save_;
};

} // namespace isp::console
