// PagedList: pages asked for as their rows come into view, a bounded cache, answers to a
// replaced query dropped, and how long rows on screen waited for their page.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "console/app/paged_list.h"

namespace isp::console::test {
namespace {

struct Request {
    std::int64_t page;
    ApiCallback<Page<int>> done;
};

// Answers page `r.page` of a list of `total` numbers 0, 1, 2, ...
void answer(Request& r, std::int64_t total, std::int64_t per_page) {
    Page<int> page;
    for (std::int64_t i = (r.page - 1) * per_page; i < std::min(total, r.page * per_page); ++i)
        page.items.push_back(static_cast<int>(i));
    page.pagination = {r.page, per_page, total};
    r.done(ApiResult<Page<int>>{page, {}});
}

} // namespace

TEST_CASE("rows come page by page as they are shown, the next page ahead, and far pages are let go") {
    std::vector<Request> requests;
    PagedList<int> list(100, 4);
    list.reset([&](std::int64_t page, std::int64_t, ApiCallback<Page<int>> done) {
        requests.push_back({page, std::move(done)});
    });
    REQUIRE(requests.size() == 1);
    CHECK(list.size() == -1);
    answer(requests[0], 100000, 100);
    CHECK(list.size() == 100000);
    CHECK(*list.row(99) == 99);
    CHECK(list.row(100) == nullptr);

    list.show(0, 30, 0); // page 1 is here; page 2 is asked for ahead
    REQUIRE(requests.size() == 2);
    CHECK(requests[1].page == 2);
    list.show(0, 30, 1); // asked already: not again
    CHECK(requests.size() == 2);

    list.show(50000, 50030, 2); // a jump to the middle: pages 501 and 502
    REQUIRE(requests.size() == 4);
    CHECK(requests[2].page == 501);
    CHECK(requests[3].page == 502);
    answer(requests[2], 100000, 100);
    CHECK(*list.row(50010) == 50010);

    for (std::int64_t p = 700; p < 720; ++p) { // a long scroll: at most 4 pages kept
        list.show((p - 1) * 100, (p - 1) * 100 + 30, static_cast<double>(p));
        for (auto& r : requests)
            if (r.done) {
                answer(r, 100000, 100);
                r.done = nullptr;
            }
    }
    CHECK(list.pages_kept() <= 4);
    CHECK(list.row(718 * 100 + 5) != nullptr);
}

TEST_CASE("an answer to a replaced query is dropped") {
    std::vector<Request> requests;
    PagedList<int> list(10, 8);
    const auto fetch = [&](std::int64_t page, std::int64_t, ApiCallback<Page<int>> done) {
        requests.push_back({page, std::move(done)});
    };
    list.reset(fetch);
    list.reset(fetch);          // the person typed another filter before the first answer
    answer(requests[0], 5, 10); // the old query's answer: not shown
    CHECK(list.size() == -1);
    answer(requests[1], 3, 10);
    CHECK(list.size() == 3);
}

TEST_CASE("the longest wait of a row on screen for its page is measured, until it comes or scrolls away") {
    std::vector<Request> requests;
    PagedList<int> list(100, 8);
    list.reset([&](std::int64_t page, std::int64_t, ApiCallback<Page<int>> done) {
        requests.push_back({page, std::move(done)});
    });
    answer(requests[0], 1000, 100);
    list.show(0, 30, 1000.0); // page 1 is here: nothing waits
    CHECK(list.longest_empty_ms() == 0.0);

    list.show(500, 530, 1010.0); // page 6 asked for, its rows drawn empty
    REQUIRE(requests.back().page == 7);
    list.show(500, 530, 1026.0);
    CHECK(list.longest_empty_ms() == 0.0); // still waiting: not counted yet
    for (auto& r : requests)
        if (r.page == 6)
            answer(r, 1000, 100);
    list.show(500, 530, 1090.0); // here 80 ms after the rows were first drawn empty
    CHECK(list.longest_empty_ms() == doctest::Approx(80.0));

    list.show(900, 930, 2000.0); // page 10 never answers; scrolled back up 150 ms later
    list.show(0, 30, 2150.0);
    CHECK(list.longest_empty_ms() == doctest::Approx(150.0));

    list.reset([&](std::int64_t page, std::int64_t, ApiCallback<Page<int>> done) {
        requests.push_back({page, std::move(done)});
    });
    CHECK(list.longest_empty_ms() == 0.0); // a new query measures afresh
}

} // namespace isp::console::test
