// A paginated list's two statements, as every staff list of the store runs them: how
// many rows the filter matches (a SELECT COUNT(*)) and one page of those rows (the
// filtered SELECT in a total order, then LIMIT and OFFSET). The filter's values are bound
// as ?1..?n in both; the page's limit and offset come after them, as ?n+1 and ?n+2, so
// read_page writes that tail itself and its numbers cannot drift from the filter's.
// The two statements may read different tables (the count needs no join that only adds
// columns), so each store writes both texts.
#pragma once
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "server/store/database.h"

namespace isp::store {

// The number `count_sql` ("SELECT COUNT(*) FROM ... WHERE ...") gives with `filter` bound.
template <class... Filter> std::int64_t count_rows(Connection& c, std::string_view count_sql, const Filter&... filter) {
    auto st = c.prepare(count_sql);
    st.bind(filter...);
    st.step();
    return st.integer(0);
}

// Rows offset+1 .. offset+limit of `select_sql` (with its ORDER BY, without LIMIT), with
// `filter` bound, each made by read(const Statement&). The order must be total (end with
// a unique column) for pages never to overlap or skip.
template <class Read, class... Filter>
auto read_page(Connection& c, const std::string& select_sql, std::int64_t limit, std::int64_t offset, Read&& read,
               const Filter&... filter) {
    constexpr std::size_t n = sizeof...(Filter);
    auto st = c.prepare(select_sql + " LIMIT ?" + std::to_string(n + 1) + " OFFSET ?" + std::to_string(n + 2));
    st.bind(filter..., limit, offset);
    std::vector<std::decay_t<std::invoke_result_t<Read&, const Statement&>>> rows;
    while (st.step())
        rows.push_back(read(st));
    return rows;
}

// "ORDER BY a DESC, b DESC, id DESC": a list sort's own columns (a fixed set of the store's,
// never a client's text), all in one direction; the last one unique, so the order is total.
inline std::string order_by(std::initializer_list<std::string_view> columns, bool descending) {
    std::string out = "ORDER BY ";
    for (const std::string_view column : columns)
        out.append(out.size() > 9 ? ", " : "").append(column).append(descending ? " DESC" : "");
    return out;
}

} // namespace isp::store
