// Layout's text measuring and wrapping, and the human formats of dates and rates.
#include <doctest/doctest.h>

#include <string>

#include "pdf/format.h"
#include "pdf/haru_document.h"
#include "pdf/layout.h"

namespace isp::pdf {
namespace {

DocumentInfo info() {
    return {"t", "a", "s", "c", Date{2026, 1, 1}};
}

} // namespace

TEST_CASE("wrap keeps every line within the width and loses no word") {
    HaruDocument doc(info());
    Layout layout(doc, Margins{});
    const TextStyle style{FontFace::Regular, 10, {}};
    const std::string text = "\u00c9lodie \u00c7ak\u0131r-\u00d1\u00fa\u00f1ez signe le contrat d\u2019abonnement "
                             "pour la fibre optique \u00e0 Rabat, avec engagement de vingt-quatre mois.";
    const auto lines = layout.wrap(text, style, 120);
    CHECK(lines.size() > 2);
    std::string joined;
    for (const auto& line : lines) {
        CHECK(layout.text_width(line, style) <= doctest::Approx(120).epsilon(0.001));
        CHECK(line.front() != ' ');
        CHECK(line.back() != ' ');
        joined += (joined.empty() ? "" : " ") + line;
    }
    CHECK(joined == text);
}

TEST_CASE("wrap keeps paragraphs and blank lines, and cuts only words wider than a line") {
    HaruDocument doc(info());
    Layout layout(doc, Margins{});
    const TextStyle style{FontFace::Regular, 10, {}};
    CHECK(layout.wrap("", style, 100).empty());
    CHECK(layout.wrap("a\n\nb", style, 100) == std::vector<std::string>{"a", "", "b"});
    CHECK(layout.wrap("a\tb\r", style, 100) == std::vector<std::string>{"a b"});

    const std::string word(80, 'M');
    const auto lines = layout.wrap("x " + word, style, 100);
    REQUIRE(lines.size() >= 3);
    CHECK(lines[0] == "x");
    std::string rebuilt;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        CHECK(layout.text_width(lines[i], style) <= 100);
        rebuilt += lines[i];
    }
    CHECK(rebuilt == word);

    // cut between code points, never inside a UTF-8 sequence
    const std::string accented = "\u00c9\u00c9\u00c9\u00c9\u00c9\u00c9\u00c9\u00c9\u00c9\u00c9\u00c9\u00c9";
    for (const auto& line : layout.wrap(accented, style, 30))
        CHECK((static_cast<unsigned char>(line[0]) == 0xC3 && line.size() % 2 == 0));
}

TEST_CASE("bold text measures wider than regular") {
    HaruDocument doc(info());
    Layout layout(doc, Margins{});
    const TextStyle regular{FontFace::Regular, 10, {}};
    const TextStyle bold{FontFace::Bold, 10, {}};
    CHECK(layout.text_width("Prix mensuel TTC", bold) > layout.text_width("Prix mensuel TTC", regular));
    CHECK(layout.text_width("abc", regular) ==
          doctest::Approx(layout.text_width("abc", TextStyle{FontFace::Regular, 20, {}}) / 2));
}

TEST_CASE("paragraph breaks pages and numbers them") {
    HaruDocument doc(info());
    Layout layout(doc, Margins{});
    int breaks = 0;
    layout.on_page_break([&](Layout&) { ++breaks; });
    std::string text;
    for (int i = 0; i < 200; ++i)
        text += "line " + std::to_string(i) + "\n";
    layout.paragraph(text, TextStyle{});
    CHECK(layout.page_count() >= 3);
    CHECK(breaks == layout.page_count() - 1);
    int footers = 0;
    layout.finish([&](Layout&, int number, int count) {
        ++footers;
        CHECK(number == footers);
        CHECK(count == layout.page_count());
    });
    CHECK(footers == layout.page_count());
    CHECK(doc.save().starts_with("%PDF-"));
}

TEST_CASE("long dates and tax rates, French and English") {
    CHECK(format_long_date({2026, 2, 20}, Language::French) == "20\u00a0f\u00e9vrier 2026");
    CHECK(format_long_date({2026, 3, 1}, Language::French) == "1er\u00a0mars 2026");
    CHECK(format_long_date({2026, 12, 31}, Language::English) == "31\u00a0December 2026");
    CHECK(format_rate(2000, Language::French) == "20\u00a0%");
    CHECK(format_rate(2000, Language::English) == "20%");
    CHECK(format_rate(1450, Language::French) == "14,5\u00a0%");
    CHECK(format_rate(725, Language::English) == "7.25%");
    CHECK(format_rate(0, Language::English) == "0%");
}

} // namespace isp::pdf
