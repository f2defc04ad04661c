// The `sort` query parameter of a staff list (GET /customers, /contracts, /invoices): a key
// of the list's fixed set (shared/wire/list_sort_param.h), "-" in front for descending.
// Absent: the list's default order. Anything else is a field error on "sort", which the
// route answers with its other parameter errors as 400 validation_failed.
#pragma once
#include <string>

#include <httplib.h>

#include "shared/domain/field_error.h"
#include "shared/wire/list_sort_param.h"

namespace isp::http {

template <class Key>
ListSort<Key> list_sort_param(const httplib::Request& req, const ListSort<Key>& fallback, FieldErrors& errors) {
    if (!req.has_param("sort"))
        return fallback;
    if (const auto sort = wire::sort_from_param<Key>(req.get_param_value("sort")))
        return *sort;
    errors.push_back({"sort", "invalid_sort",
                      "sort must be one of " + wire::sort_choices<Key>() +
                          ", with - in front for the reverse order (-" +
                          std::string{wire::SortNames<Key>::names.front().second} + ")."});
    return fallback;
}

} // namespace isp::http
