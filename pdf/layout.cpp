#include "pdf/layout.h"

#include <algorithm>

#include "shared/domain/text.h"

namespace isp::pdf {

namespace {

// Bytes of the code point starting at `lead`, for cutting a word between code points:
// 1 for a stray byte, so malformed text still advances.
std::size_t code_point_bytes(unsigned char lead) {
    return std::max<std::size_t>(1, utf8_sequence_length(lead));
}

// Control characters would reach the PDF as .notdef boxes: tabs become spaces and the
// rest (including '\r' of CRLF text) are dropped. '\n' is handled by the caller.
std::string clean_line(std::string_view line) {
    std::string out;
    out.reserve(line.size());
    for (char c : line) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '\t')
            out += ' ';
        else if (u >= 0x20 && u != 0x7F)
            out += c;
    }
    return out;
}

// Emboldening: outline width as a fraction of the font size, and as much extra space
// after each glyph, since the outline makes every glyph wider by that much.
constexpr float bold_stroke = 0.045f;

} // namespace

Layout::Layout(HaruDocument& doc, Margins margins) : doc_(doc), margins_(margins) {
    // The first page is added here so that the cursor always has a page under it.
    select_page(doc_.add_page());
    pages_.push_back(page_);
    page_width_ = HPDF_Page_GetWidth(page_);
    page_height_ = HPDF_Page_GetHeight(page_);
    cursor_ = page_height_ - margins_.top;
}

void Layout::select_page(HPDF_Page page) {
    page_ = page;
    current_size_ = 0;
    current_bold_ = false;
    current_char_space_ = 0;
    current_fill_ = Rgb{-1, -1, -1};
    current_stroke_ = Rgb{-1, -1, -1};
    current_line_width_ = -1;
}

void Layout::new_page() {
    select_page(doc_.add_page());
    pages_.push_back(page_);
    cursor_ = page_height_ - margins_.top;
    if (page_break_hook_)
        page_break_hook_(*this);
}

void Layout::keep_together(float height) {
    // A block taller than a whole page cannot be kept together: do not loop on it.
    const bool at_page_top = cursor_ >= page_height_ - margins_.top - 1;
    if (height > space_left() && !at_page_top)
        new_page();
}

float Layout::text_width(std::string_view text, const TextStyle& style) const {
    if (text.empty())
        return 0;
    const HPDF_TextWidth tw = HPDF_Font_TextWidth(doc_.font(), reinterpret_cast<const HPDF_BYTE*>(text.data()),
                                                  static_cast<HPDF_UINT>(text.size()));
    const float width = static_cast<float>(tw.width) * style.size / 1000.0f;
    if (style.face == FontFace::Bold)
        return width + static_cast<float>(tw.numchars) * style.size * bold_stroke;
    return width;
}

std::vector<std::string> Layout::wrap(std::string_view text, const TextStyle& style, float max_width) const {
    std::vector<std::string> lines;
    if (text.empty())
        return lines;
    const float space = text_width(" ", style);
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        const std::string para = clean_line(text.substr(start, end - start));
        start = end + 1;

        std::string line;
        float line_width = 0;
        std::size_t pos = 0;
        bool any_word = false;
        while (pos < para.size()) {
            if (para[pos] == ' ') {
                ++pos;
                continue;
            }
            std::size_t word_end = para.find(' ', pos);
            if (word_end == std::string::npos)
                word_end = para.size();
            std::string_view word(para.data() + pos, word_end - pos);
            pos = word_end;
            any_word = true;
            float word_width = text_width(word, style);

            if (!line.empty() && line_width + space + word_width <= max_width) {
                line += ' ';
                line += word;
                line_width += space + word_width;
                continue;
            }
            if (!line.empty()) {
                lines.push_back(std::move(line));
                line.clear();
                line_width = 0;
            }
            // A word wider than the line (a long URL, an IBAN) is cut between code points.
            while (word_width > max_width) {
                std::size_t cut = 0;
                float cut_width = 0;
                while (cut < word.size()) {
                    const std::size_t n =
                        std::min(code_point_bytes(static_cast<unsigned char>(word[cut])), word.size() - cut);
                    const float w = text_width(word.substr(cut, n), style);
                    if (cut > 0 && cut_width + w > max_width)
                        break;
                    cut_width += w;
                    cut += n;
                }
                lines.emplace_back(word.substr(0, cut));
                word.remove_prefix(cut);
                word_width = text_width(word, style);
            }
            line = std::string(word);
            line_width = word_width;
        }
        if (!line.empty() || !any_word)
            lines.push_back(std::move(line));
        if (end == text.size())
            break;
    }
    return lines;
}

// Font, size and rendering mode are text state: they persist on the page between
// text objects, so they are only written when they change.
void Layout::set_font(const TextStyle& style) {
    const bool bold = style.face == FontFace::Bold;
    const float char_space = bold ? style.size * bold_stroke : 0;
    if (style.size != current_size_) {
        HPDF_Page_SetFontAndSize(page_, doc_.font(), style.size);
        current_size_ = style.size;
    }
    if (bold != current_bold_) {
        HPDF_Page_SetTextRenderingMode(page_, bold ? HPDF_FILL_THEN_STROKE : HPDF_FILL);
        current_bold_ = bold;
    }
    if (char_space != current_char_space_) {
        HPDF_Page_SetCharSpace(page_, char_space);
        current_char_space_ = char_space;
    }
    if (bold)
        set_stroke(style.color, style.size * bold_stroke);
}

void Layout::set_stroke(Rgb color, float line_width) {
    if (color.r != current_stroke_.r || color.g != current_stroke_.g || color.b != current_stroke_.b) {
        HPDF_Page_SetRGBStroke(page_, color.r, color.g, color.b);
        current_stroke_ = color;
    }
    if (line_width != current_line_width_) {
        HPDF_Page_SetLineWidth(page_, line_width);
        current_line_width_ = line_width;
    }
}

void Layout::set_fill(Rgb color) {
    if (color.r != current_fill_.r || color.g != current_fill_.g || color.b != current_fill_.b) {
        HPDF_Page_SetRGBFill(page_, color.r, color.g, color.b);
        current_fill_ = color;
    }
}

void Layout::text(float x, float baseline, std::string_view text, const TextStyle& style) {
    if (text.empty())
        return;
    const std::string line = clean_line(text);
    HPDF_Page_BeginText(page_);
    set_font(style);
    set_fill(style.color);
    HPDF_Page_TextOut(page_, x, baseline, line.c_str());
    HPDF_Page_EndText(page_);
}

void Layout::text_right(float right_x, float baseline, std::string_view text, const TextStyle& style) {
    this->text(right_x - text_width(text, style), baseline, text, style);
}

void Layout::paragraph(std::string_view text, const TextStyle& style, float x, float max_width) {
    const float page_top = page_height_ - margins_.top;
    for (const std::string& line : wrap(text, style, max_width)) {
        if (style.leading() > space_left())
            new_page();
        if (line.empty() && cursor_ >= page_top - 1)
            continue; // a blank line between paragraphs is not worth starting a page with
        this->text(x, baseline_for(cursor_, style), line, style);
        cursor_ -= style.leading();
    }
}

void Layout::fill_rect(float x, float y, float w, float h, Rgb color) {
    set_fill(color);
    HPDF_Page_Rectangle(page_, x, y, w, h);
    HPDF_Page_Fill(page_);
}

void Layout::stroke_rect(float x, float y, float w, float h, Rgb color, float line_width) {
    set_stroke(color, line_width);
    HPDF_Page_Rectangle(page_, x, y, w, h);
    HPDF_Page_Stroke(page_);
}

void Layout::image(HPDF_Image img, float x, float y, float w, float h) {
    HPDF_Page_DrawImage(page_, img, x, y, w, h);
}

void Layout::hline(float x1, float x2, float y, Rgb color, float line_width) {
    set_stroke(color, line_width);
    HPDF_Page_MoveTo(page_, x1, y);
    HPDF_Page_LineTo(page_, x2, y);
    HPDF_Page_Stroke(page_);
}

float Layout::page_number(float right_x, float baseline, int number, int count, const TextStyle& style) {
    const std::string parts[] = {std::to_string(number), "/", std::to_string(count)};
    const float gap = style.size * 0.6f;
    float total = 2 * gap;
    for (const std::string& part : parts)
        total += text_width(part, style);
    float x = right_x - total;
    for (const std::string& part : parts) {
        text(x, baseline, part, style);
        x += text_width(part, style) + gap;
    }
    return total;
}

void Layout::finish(const std::function<void(Layout&, int, int)>& footer) {
    const int count = page_count();
    for (int i = 0; i < count; ++i) {
        select_page(pages_[static_cast<std::size_t>(i)]);
        footer(*this, i + 1, count);
    }
    doc_.check("cannot lay out the document");
}

} // namespace isp::pdf
