// Layout: a cursor flowing down A4 pages of a HaruDocument. Measures and wraps UTF-8
// text, starts a new page when the next block does not fit, and numbers the pages
// ("2 / 3") once the page count is known. Shared by every document kind (contracts
// and invoices); it knows nothing about what the documents say.
//
// Coordinates are PDF points (1/72 inch) with the origin at the bottom-left corner, as
// in libharu: the cursor starts near the top of the page and decreases.
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "pdf/haru_document.h"

namespace isp::pdf {

// Bold is the regular face filled and stroked with a thin outline of the same colour
// (one embedded font per document is what keeps rendering fast: haru_document.cpp).
enum class FontFace { Regular, Bold };

struct Rgb {
    float r = 0, g = 0, b = 0;
};

struct TextStyle {
    FontFace face = FontFace::Regular;
    float size = 10;
    Rgb color{};
    float leading() const { return size * 1.35f; } // line height
};

struct Margins {
    float top = 56, right = 50, bottom = 64, left = 50;
};

class Layout {
public:
    Layout(HaruDocument& doc, Margins margins);

    // Called right after every page break (not for the first page), e.g. to draw a
    // running header; it may move the cursor down.
    void on_page_break(std::function<void(Layout&)> hook) { page_break_hook_ = std::move(hook); }

    HaruDocument& doc() { return doc_; }
    float page_width() const { return page_width_; }
    float page_height() const { return page_height_; }
    const Margins& margins() const { return margins_; }
    float left() const { return margins_.left; }
    float right() const { return page_width_ - margins_.right; }
    float width() const { return right() - left(); }

    // The top of the next block.
    float cursor() const { return cursor_; }
    void move_down(float dy) { cursor_ -= dy; }
    // Room between the cursor and the bottom margin.
    float space_left() const { return cursor_ - margins_.bottom; }
    void new_page();
    // Breaks the page unless `height` fits below the cursor: keeps a block together.
    void keep_together(float height);

    float text_width(std::string_view text, const TextStyle& style) const;
    // Splits text into lines no wider than max_width: at spaces, at '\n' (kept as
    // paragraph breaks, an empty line for a blank one), and inside a word only when
    // the word alone is too wide.
    std::vector<std::string> wrap(std::string_view text, const TextStyle& style, float max_width) const;

    // One line of text at an explicit baseline; no wrapping, no page break.
    void text(float x, float baseline, std::string_view text, const TextStyle& style);
    void text_right(float right_x, float baseline, std::string_view text, const TextStyle& style);
    // Baseline of a line whose box starts at `top`.
    static float baseline_for(float top, const TextStyle& style) { return top - style.size * 1.02f; }

    // Wrapped text between x and x + max_width, from the cursor down; breaks pages
    // between lines. Leaves the cursor under the last line.
    void paragraph(std::string_view text, const TextStyle& style, float x, float max_width);
    void paragraph(std::string_view text, const TextStyle& style) { paragraph(text, style, left(), width()); }

    void fill_rect(float x, float y, float w, float h, Rgb color);
    void stroke_rect(float x, float y, float w, float h, Rgb color, float line_width);
    void hline(float x1, float x2, float y, Rgb color, float line_width);
    // An image (HaruDocument::load_image) scaled into the box whose bottom-left corner is (x, y).
    void image(HPDF_Image image, float x, float y, float w, float h);

    // "2 / 5" ending at right_x. The gaps around the slash are wider than a space so
    // that text extraction (pdftotext -layout) keeps them. Returns the width used.
    float page_number(float right_x, float baseline, int number, int count, const TextStyle& style);

    int page_count() const { return static_cast<int>(pages_.size()); }
    // Draws footer(layout, page_number, page_count) on every page, page_number from 1.
    // Call once, when all content is laid out.
    void finish(const std::function<void(Layout&, int, int)>& footer);

private:
    void select_page(HPDF_Page page);
    void set_font(const TextStyle& style);
    void set_fill(Rgb color);
    void set_stroke(Rgb color, float line_width);

    HaruDocument& doc_;
    Margins margins_;
    float page_width_ = 0;
    float page_height_ = 0;
    float cursor_ = 0;
    std::vector<HPDF_Page> pages_;
    HPDF_Page page_ = nullptr;
    std::function<void(Layout&)> page_break_hook_;
    // What the current page's content stream last set, to skip repeating operators.
    float current_size_ = 0;
    bool current_bold_ = false;
    float current_char_space_ = 0;
    Rgb current_fill_{-1, -1, -1};
    Rgb current_stroke_{-1, -1, -1};
    float current_line_width_ = -1;
};

} // namespace isp::pdf
