#include "portal/app/journey.h"

namespace isp::portal {

std::string worded(const Notice& notice, Language language) {
    return notice.text ? std::string{text(*notice.text, language)} : notice.server_message;
}

Notice notice_for(const ApiError& error, Text fallback) {
    if (error.network())
        return Notice{Text::NetworkRetry, {}, true};
    if (error.status >= 500 || error.code == "invalid_response")
        return Notice{Text::ServerError, {}, true};
    if (!error.detail.empty())
        return Notice{std::nullopt, error.detail, true};
    return Notice{fallback, {}, true};
}

} // namespace isp::portal
