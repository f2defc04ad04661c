// The months' names as people read them, in French and English: "février" /
// "February". One list for the portal (invoice history, plan-change preview) and the
// PDFs (dates and billing periods), so a screen and the document it shows spell a month
// alike.
#pragma once
#include <string_view>

#include "shared/domain/money.h"

namespace isp {

// "octobre" / "October" for month 1..12 (January for anything else, so a bad value shows
// as a wrong month rather than breaking a document).
std::string_view month_name(int month, Language language);

} // namespace isp
