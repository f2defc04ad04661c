#include "shared/domain/client_search.h"

#include "shared/domain/text.h"

namespace isp {

ClientSearchTerms client_search_terms(std::string_view query) {
    ClientSearchTerms t;
    const std::string_view q = trim(query);
    t.text = std::string{q};

    bool cin_like = !q.empty();
    bool phone_like = !q.empty();
    std::string digits;
    for (char c : q) {
        const bool separator = c == ' ' || c == '-' || c == '.';
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
        if (!separator) {
            if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
                t.cin_fragment += c;
            else
                cin_like = false;
        }
        if (c >= '0' && c <= '9')
            digits += c;
        else if (!separator && c != '+' && c != '(' && c != ')')
            phone_like = false;
    }
    if (!cin_like || t.cin_fragment.size() > 8)
        t.cin_fragment.clear();
    if (phone_like && !digits.empty()) {
        // Stored numbers are E.164 (+212 then 9 digits): drop what people put in front.
        t.phone_from_start = true;
        if (digits.rfind("00212", 0) == 0)
            digits.erase(0, 5);
        else if (digits.rfind("212", 0) == 0 && (digits.size() > 9 || q.front() == '+'))
            digits.erase(0, 3);
        else if (digits.rfind('0', 0) == 0)
            digits.erase(0, 1);
        else
            t.phone_from_start = false;
        t.phone_fragment = digits;
    }
    return t;
}

} // namespace isp
