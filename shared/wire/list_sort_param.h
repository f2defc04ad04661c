// The `sort` query parameter of the staff lists, as the server reads it and the console writes
// it: a key's name ("last_name"), "-" in front for descending ("-issue_date"). The names of
// each list are the fields of its answers; anything else is refused by the server (400
// validation_failed on `sort`).
#pragma once
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "shared/domain/list_sort.h"

namespace isp::wire {

template <class Key> struct SortNames;

template <> struct SortNames<CustomerSortKey> {
    static constexpr std::array<std::pair<CustomerSortKey, std::string_view>, 6> names{{
        {CustomerSortKey::LastName, "last_name"},
        {CustomerSortKey::FirstName, "first_name"},
        {CustomerSortKey::Cin, "cin"},
        {CustomerSortKey::Phone, "phone"},
        {CustomerSortKey::Email, "email"},
        {CustomerSortKey::CreatedAt, "created_at"},
    }};
};

template <> struct SortNames<ContractSortKey> {
    static constexpr std::array<std::pair<ContractSortKey, std::string_view>, 5> names{{
        {ContractSortKey::CreatedAt, "created_at"},
        {ContractSortKey::ContractNumber, "contract_number"},
        {ContractSortKey::ServiceIdentifier, "service_identifier"},
        {ContractSortKey::Status, "status"},
        {ContractSortKey::StartDate, "contract_start_date"},
    }};
};

template <> struct SortNames<InvoiceSortKey> {
    static constexpr std::array<std::pair<InvoiceSortKey, std::string_view>, 5> names{{
        {InvoiceSortKey::IssueDate, "issue_date"},
        {InvoiceSortKey::InvoiceNumber, "invoice_number"},
        {InvoiceSortKey::Period, "period"},
        {InvoiceSortKey::DueDate, "due_date"},
        {InvoiceSortKey::Total, "total"},
    }};
};

// "last_name" -> ascending by last name, "-last_name" -> descending; nullopt for a name the
// list does not have (case matters, no spaces).
template <class Key> std::optional<ListSort<Key>> sort_from_param(std::string_view text) {
    ListSort<Key> sort;
    if (text.starts_with('-')) {
        sort.descending = true;
        text.remove_prefix(1);
    }
    for (const auto& [key, name] : SortNames<Key>::names)
        if (name == text) {
            sort.key = key;
            return sort;
        }
    return std::nullopt;
}

template <class Key> std::string to_param(const ListSort<Key>& sort) {
    for (const auto& [key, name] : SortNames<Key>::names)
        if (key == sort.key)
            return (sort.descending ? "-" : "") + std::string{name};
    return {};
}

// "last_name, first_name, ...": the names a list accepts, for its error message.
template <class Key> std::string sort_choices() {
    std::string out;
    for (const auto& [key, name] : SortNames<Key>::names)
        out += (out.empty() ? "" : ", ") + std::string{name};
    return out;
}

} // namespace isp::wire
