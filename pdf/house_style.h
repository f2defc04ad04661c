// The look every document shares, in the operator's branding: colours (the accent from
// the operator's configuration), text styles, the letterhead with the logo, section
// titles, "label: value" rows, the running header of continuation pages and the footer
// with page numbers. Contracts and invoices differ in what they say, not in how.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "pdf/layout.h"
#include "pdf/operator_identity.h"

namespace isp::pdf {

class HouseStyle {
public:
    // Neutral colours, whatever the branding.
    static constexpr Rgb ink{0.12f, 0.14f, 0.17f};
    static constexpr Rgb muted{0.42f, 0.45f, 0.50f};
    static constexpr Rgb band{0.93f, 0.95f, 0.97f};
    static constexpr Rgb hairline{0.78f, 0.81f, 0.85f};

    static constexpr TextStyle label_style{FontFace::Regular, 9, muted};
    static constexpr TextStyle value_style{FontFace::Regular, 10, ink};
    static constexpr TextStyle value_bold_style{FontFace::Bold, 10, ink};
    static constexpr TextStyle table_style{FontFace::Regular, 9, ink};
    static constexpr TextStyle table_bold_style{FontFace::Bold, 9, ink};
    static constexpr TextStyle terms_style{FontFace::Regular, 8.5f, ink};
    static constexpr TextStyle small_style{FontFace::Regular, 7.5f, muted};

    static constexpr float label_column = 150; // values start this far from the left margin
    static constexpr float row_gap = 3.5f;
    static constexpr float section_gap = 16;

    explicit HouseStyle(const OperatorIdentity& issuer);

    const OperatorIdentity& issuer() const { return issuer_; }
    Rgb accent() const { return accent_; }

    // Logo and operator on the left; on the right the document's title, its reference
    // ("Contrat n° ...") and its date line ("Établi le ..."); then an accent rule.
    void letterhead(Layout& page, std::string_view title, std::string_view reference, std::string_view dated) const;

    // A section title with a hairline under it, kept on the page with `keep_with_next`
    // points of what follows.
    void section(Layout& page, std::string_view title, float keep_with_next) const;

    // "Label ........ value", the value wrapped in its own column.
    void row(Layout& page, std::string_view label, std::string_view value, const TextStyle& style = value_style) const;

    // A box of amounts in the column from `x` to the right margin: a row per label and
    // amount, rules between rows, strong rows (totals) bold on a band. Kept on one page.
    // Returns the box's top; the cursor is left under it.
    struct AmountRow {
        std::string label;
        std::string amount;
        bool strong = false;
    };
    static constexpr float amount_row_height = 18;
    float amounts_box(Layout& page, float x, const std::vector<AmountRow>& rows) const;

    // Pages after the first repeat who and what, in case they are separated.
    void repeat_header_on_new_pages(Layout& page, std::string running_title) const;

    // Footer on every page: the operator's small print and "n / N". Call once, at the end.
    void finish_pages(Layout& page) const;

private:
    const OperatorIdentity& issuer_;
    Rgb accent_;
};

} // namespace isp::pdf
