// A long list read page by page as it comes into view (the 100,000 invoices of one billing
// run): the view says which rows are visible, the list asks the API for the pages they are
// on (and the next one, so scrolling on finds it there), keeps a bounded number of pages,
// and drops answers to a query that was replaced meanwhile. A row not loaded yet is drawn
// as a placeholder until its page arrives; the list measures how long a placeholder stayed on
// screen (the longest wait is what a person scrolling notices, and what bench/console checks).
#pragma once
#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <set>

#include "console/api/staff_api.h"

namespace isp::console {

template <class T> class PagedList {
public:
    // Asks for page `page` (from 1) of `per_page` rows; answers through `done`.
    using Fetch = std::function<void(std::int64_t page, std::int64_t per_page, ApiCallback<Page<T>> done)>;

    explicit PagedList(std::int64_t per_page = 100, std::size_t kept_pages = 24)
        : per_page_(per_page), kept_pages_(kept_pages) {}

    // A new query: forgets every row and asks for the first page.
    void reset(Fetch fetch) {
        fetch_ = std::move(fetch);
        pages_.clear();
        in_flight_.clear();
        total_ = -1;
        centre_ = 1;
        error_ = {};
        empty_since_.clear();
        longest_empty_ms_ = 0;
        ++generation_;
        request(1);
    }
    void clear() {
        fetch_ = {};
        pages_.clear();
        in_flight_.clear();
        total_ = -1;
        empty_since_.clear();
        ++generation_;
    }

    // Every row of the list, beyond the pages loaded; -1 until the first page answered.
    std::int64_t size() const { return total_; }
    bool loading() const { return !in_flight_.empty(); }
    const ApiError& error() const { return error_; }
    std::size_t pages_kept() const { return pages_.size(); }
    // The longest time a row on screen waited for its page since the last reset(), in ms.
    double longest_empty_ms() const { return longest_empty_ms_; }

    // Row `index` (from 0), or nullptr when its page is not here (yet).
    const T* row(std::int64_t index) const {
        const auto page = pages_.find(index / per_page_ + 1);
        if (page == pages_.end())
            return nullptr;
        const std::size_t at = static_cast<std::size_t>(index % per_page_);
        return at < page->second.size() ? &page->second[at] : nullptr;
    }

    // The rows [first, last] are on screen at `now_ms` (any steady clock): asks for their
    // pages and the next one, lets go of the pages farthest from them beyond the ones kept,
    // and measures how long rows on screen stay without their page.
    void show(std::int64_t first, std::int64_t last, double now_ms) {
        if (!fetch_ || total_ <= 0 || last < first)
            return;
        const std::int64_t first_page = first / per_page_ + 1;
        const std::int64_t last_shown_page = last / per_page_ + 1;
        const std::int64_t last_page = std::min(last_shown_page + 1, (total_ + per_page_ - 1) / per_page_);
        for (std::int64_t p = first_page; p <= last_page; ++p)
            if (!pages_.contains(p) && !in_flight_.contains(p) && in_flight_.size() < max_in_flight)
                request(p);
        // A page waited on ends its wait when it is here or off screen.
        for (auto it = empty_since_.begin(); it != empty_since_.end();) {
            if (pages_.contains(it->first) || it->first < first_page || it->first > last_shown_page) {
                longest_empty_ms_ = std::max(longest_empty_ms_, now_ms - it->second);
                it = empty_since_.erase(it);
            } else {
                ++it;
            }
        }
        for (std::int64_t p = first_page; p <= last_shown_page; ++p)
            if (!pages_.contains(p))
                empty_since_.try_emplace(p, now_ms);
        centre_ = (first_page + last_page) / 2;
        trim();
    }

private:
    static constexpr std::size_t max_in_flight = 3;

    // Lets go of the pages farthest from the rows shown last, beyond the ones kept.
    void trim() {
        while (pages_.size() > kept_pages_) {
            const auto lowest = pages_.begin();
            const auto highest = std::prev(pages_.end());
            pages_.erase(centre_ - lowest->first > highest->first - centre_ ? lowest : highest);
        }
    }

    void request(std::int64_t page) {
        in_flight_.insert(page);
        fetch_(page, per_page_, [this, page, generation = generation_](ApiResult<Page<T>> result) {
            if (generation != generation_)
                return; // the answer to a query replaced since
            in_flight_.erase(page);
            if (!result.value) {
                error_ = result.error;
                return;
            }
            error_ = {};
            total_ = result.value->pagination.total;
            pages_[page] = std::move(result.value->items);
            trim();
        });
    }

    std::int64_t per_page_;
    std::size_t kept_pages_;
    Fetch fetch_;
    std::map<std::int64_t, std::vector<T>> pages_;
    std::set<std::int64_t> in_flight_;
    std::int64_t total_ = -1;
    std::int64_t centre_ = 1; // the page in the middle of the rows shown last
    ApiError error_;
    unsigned generation_ = 0;
    std::map<std::int64_t, double> empty_since_; // page on screen without its rows -> since when
    double longest_empty_ms_ = 0;
};

} // namespace isp::console
