#include "shared/billing/invoice_history.h"

#include <charconv>

namespace isp {

std::vector<MonthAmount> last_twelve_months(const std::vector<Invoice>& invoices, int year, int month) {
    std::vector<MonthAmount> months(12);
    int y = year, m = month;
    for (int i = 11; i >= 0; --i) {
        months[static_cast<std::size_t>(i)] = {y, m, 0};
        if (--m == 0) {
            m = 12;
            --y;
        }
    }
    for (const Invoice& invoice : invoices) {
        const std::string& p = invoice.period; // "YYYY-MM"
        int py = 0, pm = 0;
        if (p.size() != 7 || std::from_chars(p.data(), p.data() + 4, py).ptr != p.data() + 4 ||
            std::from_chars(p.data() + 5, p.data() + 7, pm).ptr != p.data() + 7)
            continue;
        for (MonthAmount& slot : months)
            if (slot.year == py && slot.month == pm)
                slot.total_minor += invoice.total_minor;
    }
    return months;
}

} // namespace isp
