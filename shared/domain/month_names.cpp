#include "shared/domain/month_names.h"

namespace isp {

std::string_view month_name(int month, Language language) {
    static constexpr std::string_view french[] = {"janvier",   "f\u00e9vrier", "mars",     "avril",
                                                  "mai",       "juin",         "juillet",  "ao\u00fbt",
                                                  "septembre", "octobre",      "novembre", "d\u00e9cembre"};
    static constexpr std::string_view english[] = {"January",   "February", "March",    "April",
                                                   "May",       "June",     "July",     "August",
                                                   "September", "October",  "November", "December"};
    const int m = month >= 1 && month <= 12 ? month - 1 : 0;
    return language == Language::French ? french[m] : english[m];
}

} // namespace isp
