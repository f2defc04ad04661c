#include "pdf/house_style.h"

#include <algorithm>

namespace isp::pdf {
namespace {

constexpr TextStyle issuer_detail_style{FontFace::Regular, 8, HouseStyle::muted};
constexpr TextStyle title_style{FontFace::Bold, 15, HouseStyle::ink};
constexpr TextStyle reference_style{FontFace::Regular, 9.5f, HouseStyle::ink};
constexpr TextStyle dated_style{FontFace::Regular, 9, HouseStyle::muted};
constexpr TextStyle running_style{FontFace::Regular, 8, HouseStyle::muted};
constexpr TextStyle page_number_style{FontFace::Regular, 8, HouseStyle::ink};

constexpr float logo_max_height = 42;
constexpr float logo_max_width = 150;

Rgb to_rgb(std::uint32_t rgb) {
    return {static_cast<float>((rgb >> 16) & 0xFF) / 255.0f, static_cast<float>((rgb >> 8) & 0xFF) / 255.0f,
            static_cast<float>(rgb & 0xFF) / 255.0f};
}

} // namespace

HouseStyle::HouseStyle(const OperatorIdentity& issuer) : issuer_(issuer), accent_(to_rgb(issuer.accent)) {}

void HouseStyle::letterhead(Layout& page, std::string_view title, std::string_view reference,
                            std::string_view dated) const {
    const float top = page.cursor();
    const float left_width = page.width() * 0.55f;
    const TextStyle issuer_name_style{FontFace::Bold, 15, accent_};

    float y = top;
    if (!issuer_.logo.empty()) {
        // Scaled to fit the box, proportions kept.
        HPDF_Image logo = page.doc().load_image(issuer_.logo);
        const float w = static_cast<float>(HPDF_Image_GetWidth(logo));
        const float h = static_cast<float>(HPDF_Image_GetHeight(logo));
        if (w > 0 && h > 0) {
            const float scale = std::min(logo_max_height / h, logo_max_width / w);
            page.image(logo, page.left(), y - h * scale, w * scale, h * scale);
            y -= h * scale + 8;
        }
    }
    for (const std::string& line : page.wrap(issuer_.name, issuer_name_style, left_width)) {
        page.text(page.left(), Layout::baseline_for(y, issuer_name_style), line, issuer_name_style);
        y -= issuer_name_style.leading();
    }
    y -= 2;
    for (const std::string* detail : {&issuer_.address, &issuer_.legal_ids}) {
        for (const std::string& line : page.wrap(*detail, issuer_detail_style, left_width)) {
            page.text(page.left(), Layout::baseline_for(y, issuer_detail_style), line, issuer_detail_style);
            y -= issuer_detail_style.leading();
        }
    }

    float r = top;
    page.text_right(page.right(), Layout::baseline_for(r, title_style), title, title_style);
    r -= title_style.leading() + 2;
    page.text_right(page.right(), Layout::baseline_for(r, reference_style), reference, reference_style);
    r -= reference_style.leading();
    page.text_right(page.right(), Layout::baseline_for(r, dated_style), dated, dated_style);
    r -= dated_style.leading();

    page.move_down(top - std::min(y, r) + 8);
    page.hline(page.left(), page.right(), page.cursor(), accent_, 1.5f);
    page.move_down(section_gap + 4);
}

void HouseStyle::section(Layout& page, std::string_view title, float keep_with_next) const {
    const TextStyle section_style{FontFace::Bold, 10.5f, accent_};
    page.keep_together(section_style.leading() + 8 + keep_with_next);
    page.text(page.left(), Layout::baseline_for(page.cursor(), section_style), title, section_style);
    page.move_down(section_style.leading() + 1);
    page.hline(page.left(), page.right(), page.cursor(), hairline, 0.5f);
    page.move_down(7);
}

void HouseStyle::row(Layout& page, std::string_view label, std::string_view value, const TextStyle& style) const {
    const float value_x = page.left() + label_column;
    const float value_width = page.right() - value_x;
    const auto labels = page.wrap(label, label_style, label_column - 10);
    auto values = page.wrap(value.empty() ? std::string_view("\u2014") : value, style, value_width);
    const std::size_t lines = std::max(labels.size(), values.size());
    const float height = static_cast<float>(lines) * style.leading();
    page.keep_together(std::min(height, 4 * style.leading()));
    const float top = page.cursor();
    for (std::size_t i = 0; i < labels.size(); ++i)
        page.text(page.left(), Layout::baseline_for(top - static_cast<float>(i) * style.leading(), style), labels[i],
                  label_style); // on the value's baseline
    // Long values (a description) may run onto the next page line by line.
    for (const std::string& line : values) {
        if (style.leading() > page.space_left())
            page.new_page();
        page.text(value_x, Layout::baseline_for(page.cursor(), style), line, style);
        page.move_down(style.leading());
    }
    const float used = top - page.cursor();
    if (used < height && used >= 0)
        page.move_down(height - used);
    page.move_down(row_gap);
}

float HouseStyle::amounts_box(Layout& page, float x, const std::vector<AmountRow>& rows) const {
    const float w = page.right() - x;
    page.keep_together(amount_row_height * static_cast<float>(rows.size()) + 4);
    const float top = page.cursor();
    for (const AmountRow& row : rows) {
        const float y = page.cursor();
        const TextStyle& style = row.strong ? value_bold_style : value_style;
        if (row.strong)
            page.fill_rect(x, y - amount_row_height, w, amount_row_height, band);
        const float baseline = y - amount_row_height / 2 - style.size * 0.35f;
        page.text(x + 8, baseline, row.label, style);
        page.text_right(page.right() - 8, baseline, row.amount, style);
        page.move_down(amount_row_height);
        if (!row.strong)
            page.hline(x, page.right(), page.cursor(), hairline, 0.5f);
    }
    page.stroke_rect(x, page.cursor(), w, top - page.cursor(), hairline, 0.75f);
    return top;
}

void HouseStyle::repeat_header_on_new_pages(Layout& page, std::string running_title) const {
    page.on_page_break([name = issuer_.name, title = std::move(running_title)](Layout& p) {
        const float top = p.page_height() - 34;
        p.text(p.left(), top, name, running_style);
        p.text_right(p.right(), top, title, running_style);
        p.hline(p.left(), p.right(), top - 6, hairline, 0.5f);
    });
}

void HouseStyle::finish_pages(Layout& page) const {
    page.finish([&](Layout& p, int number, int count) {
        const float rule_y = p.margins().bottom - 18;
        p.hline(p.left(), p.right(), rule_y, hairline, 0.5f);
        const float numbering_width = p.page_number(p.right(), Layout::baseline_for(rule_y - 4, page_number_style),
                                                    number, count, page_number_style);
        float y = rule_y - 4;
        const auto footer = p.wrap(issuer_.footer, small_style, p.width() - numbering_width - 24);
        for (std::size_t i = 0; i < footer.size() && i < 3; ++i) {
            p.text(p.left(), Layout::baseline_for(y, small_style), footer[i], small_style);
            y -= small_style.leading();
        }
    });
}

} // namespace isp::pdf
