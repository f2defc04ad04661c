// How documents write dates and tax rates for a reader, in the client's language.
// (Amounts use format_money from shared/domain/money.h, the same as the portal.)
#pragma once
#include <string>

#include "shared/domain/date.h"
#include "shared/domain/money.h"

namespace isp::pdf {

// "20 février 2026", "1er mars 2026" / "20 February 2026": a contract is read by
// people, and a spelled-out month cannot be misread as day/month or month/day.
std::string format_long_date(const Date& date, Language language);

// "mars 2026" / "March 2026": a billing period.
std::string format_month(int year, int month, Language language);

// Basis points as a percentage: 2000 -> "20 %" (no-break space) / "20%";
// 1450 -> "14,5 %" / "14.5%".
std::string format_rate(BasisPoints rate, Language language);

} // namespace isp::pdf
