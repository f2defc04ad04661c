// The look every document shares: colours, text styles, the operator's letterhead, section
// titles, "label: value" rows, the running header of continuation pages and the footer
// with page numbers. Contracts and invoices differ in what they say, not in how.
#pragma once
#include <string>
#include <string_view>

#include "pdf/layout.h"
#include "pdf/operator_identity.h"

namespace isp::pdf::house {

// Dark ink, one accent colour, grey for labels and small print.
inline constexpr Rgb ink{0.12f, 0.14f, 0.17f};
inline constexpr Rgb muted{0.42f, 0.45f, 0.50f};
inline constexpr Rgb accent{0.05f, 0.29f, 0.53f};
inline constexpr Rgb band{0.93f, 0.95f, 0.97f};
inline constexpr Rgb hairline{0.78f, 0.81f, 0.85f};

inline constexpr TextStyle section_style{FontFace::Bold, 10.5f, accent};
inline constexpr TextStyle label_style{FontFace::Regular, 9, muted};
inline constexpr TextStyle value_style{FontFace::Regular, 10, ink};
inline constexpr TextStyle value_bold_style{FontFace::Bold, 10, ink};
inline constexpr TextStyle table_style{FontFace::Regular, 9, ink};
inline constexpr TextStyle table_bold_style{FontFace::Bold, 9, ink};
inline constexpr TextStyle terms_style{FontFace::Regular, 8.5f, ink};
inline constexpr TextStyle small_style{FontFace::Regular, 7.5f, muted};

inline constexpr float label_column = 150; // values start this far from the left margin
inline constexpr float row_gap = 3.5f;
inline constexpr float section_gap = 16;

// Operator on the left; on the right the document's title, its reference ("Contrat n° ...")
// and its date line ("Établi le ..."); then an accent rule.
void draw_letterhead(Layout& page, const OperatorIdentity& issuer, std::string_view title, std::string_view reference,
                     std::string_view dated);

// A section title with a hairline under it, kept on the page with `keep_with_next` points
// of what follows.
void draw_section(Layout& page, std::string_view title, float keep_with_next);

// "Label ........ value", the value wrapped in its own column.
void draw_row(Layout& page, std::string_view label, std::string_view value, const TextStyle& style = value_style);

// Pages after the first repeat who and what, in case they are separated.
void repeat_header_on_new_pages(Layout& page, const OperatorIdentity& issuer, std::string running_title);

// Footer on every page: the operator's small print and "n / N". Call once, at the end.
void finish_pages(Layout& page, const OperatorIdentity& issuer);

} // namespace isp::pdf::house
