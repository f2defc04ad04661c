// Contracts: the list with its filters (status, service, client, offer) and the order the
// server sorts it by, both in the place ("status=suspended&sort=-contract_start_date", so
// Back restores them), provisioning a
// contract for a customer (from the customer's page: place filter "provision:<client_id>"),
// and a contract's page: its details, suspend / resume / terminate from a date with a
// reason, a move to another offer, every version of its document, and its audit trail.
// Its screen: console/screens/contracts_view.cpp.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "console/app/section.h"
#include "console/app/write_attempt.h"
#include "shared/domain/contract.h"
#include "shared/domain/contract_detail.h"
#include "shared/domain/contract_document_version.h"
#include "shared/domain/contract_history.h"
#include "shared/domain/list_sort.h"
#include "shared/domain/offer.h"
#include "shared/wire/page_json.h"

namespace isp::console {

class Contracts : public Section {
public:
    using Section::Section;

    std::string_view name() const override { return "contracts"; }
    void open(const Place& place) override;
    std::string_view busy() const override;
    void describe(nlohmann::json& state) const override;

    // Whether the person may provision, suspend, resume, terminate or change an offer.
    bool may_write() const { return ctx_.may(StaffRole::Ops); }

    // --- the list ------------------------------------------------------------------------
    struct Filter {
        std::string status;  // "", "active", "suspended", "terminated"
        std::string service; // "", "mobile", "internet", "landline"
        std::string client_id;
        std::string offer_id;
        bool operator==(const Filter&) const = default;
    };
    const Filter& filter() const { return filter_; }
    const ContractSort& sort() const { return sort_; }
    // A new place with these filters or this order, from the first page (Back returns to the
    // former ones).
    void set_filter(Filter filter);
    void sort_by(const ContractSort& sort);
    void go_to_page(std::int64_t page);
    void open_contract(const std::string& contract_id);
    const std::vector<Contract>& contracts() const { return contracts_; }
    const wire::Pagination& pagination() const { return pagination_; }
    // Every offer (the catalog, inactive ones included), loaded once.
    const std::vector<Offer>& offers() const { return offers_; }
    const Offer* find_offer(const std::string& offer_id) const;

    // --- provisioning --------------------------------------------------------------------
    struct Provision {
        std::string client_id;
        std::string offer_id;
        std::string contract_start_date; // YYYY-MM-DD
        std::string service_identifier;  // as typed
        std::string commitment_months;   // "" (the offer's), "0", "12", "24"
    };
    Provision provision; // as typed
    bool provision_open() const { return provision_open_; }
    void start_provision(const std::string& client_id);
    void close_provision();
    void submit_provision();
    // The verdict on a provisioning field as typed ("" when fine): the subscriber by the chosen
    // offer's family, the start date's shape; then the server's.
    std::string provision_problem(std::string_view field) const;

    // --- the contract's page -------------------------------------------------------------
    bool has_contract() const { return detail_.has_value(); }
    const ContractDetail& detail() const { return *detail_; }
    const std::vector<DocumentVersion>& documents() const { return documents_; }
    const std::vector<AuditRecord>& audit() const { return audit_; }
    void open_customer();
    // Opens a version of the contract's document in a new tab.
    void open_document(int version);
    std::string document_url(int version) const;

    // Suspend, resume or terminate: the statuses the contract may move to now.
    std::vector<ContractStatus> next_statuses() const;
    struct StatusChange {
        ContractStatus status = ContractStatus::Suspended;
        std::string effective_date; // YYYY-MM-DD, "" for today
        std::string reason;
    };
    StatusChange status_change; // as typed
    bool status_open() const { return status_open_; }
    void start_status_change(ContractStatus status);
    void close_status_change();
    void submit_status_change();

    // A status change waiting for its date (it was dated later): cancelled at once, as the
    // server allows (a later change that depends on it is refused with the server's words).
    void cancel_scheduled_change(const std::string& change_id);

    // Another offer of the same family, from a date.
    struct OfferChange {
        std::string offer_id;
        std::string effective_date; // YYYY-MM-DD, "" for today
    };
    OfferChange offer_change; // as typed
    bool offer_open() const { return offer_open_; }
    // The offers the contract may move to: active, same family, not its own.
    std::vector<const Offer*> offer_choices() const;
    void start_offer_change();
    void close_offer_change();
    void submit_offer_change();

    // A field's problem after a refused write ("" when none).
    std::string server_problem(std::string_view field) const;

private:
    void load_list();
    void load_offers();
    void load_contract(const std::string& contract_id);
    void changed(ContractDetail detail, std::string_view done);
    void refused(const ApiError& error, std::string_view what, std::function<void()> retry, WriteAttempt& attempt);

    // The list.
    void go_to_list(const Filter& filter, const ContractSort& sort);

    Filter filter_;
    ContractSort sort_ = default_contract_sort;
    std::int64_t page_ = 1;
    std::vector<Contract> contracts_;
    wire::Pagination pagination_;
    std::uint64_t list_generation_ = 0;
    bool listing_ = false;
    std::vector<Offer> offers_;
    bool offers_asked_ = false;

    // The page.
    std::uint64_t generation_ = 0;
    int loading_ = 0;
    std::optional<ContractDetail> detail_;
    std::vector<DocumentVersion> documents_;
    std::vector<AuditRecord> audit_;

    // The writes.
    bool saving_ = false;
    bool provision_open_ = false;
    bool status_open_ = false;
    bool offer_open_ = false;
    FieldErrors server_errors_;
    WriteAttempt provision_attempt_;
    WriteAttempt status_attempt_;
    WriteAttempt cancel_attempt_;
    WriteAttempt offer_attempt_;
};

} // namespace isp::console
