#include "console/app/notice.h"

#include "console/i18n/console_text.h"

namespace isp::console {

Notice failure(const webapp::ApiError& error, std::string_view what, Language language, std::function<void()> retry) {
    std::string why;
    bool retryable = false;
    if (error.network()) {
        why = text(Text::NetworkFailed, language);
        retryable = true;
    } else if (error.status == 403 && error.detail.empty()) {
        why = text(Text::NotAllowed, language);
    } else if (error.status >= 500 || error.code == "invalid_response") {
        why = text(Text::ServerFailed, language);
        retryable = true;
    } else {
        why = !error.detail.empty() ? error.detail : !error.title.empty() ? error.title : error.code;
        retryable = error.status == 409 && error.code == "idempotency_key_in_use";
        retryable = retryable || error.status == 429;
    }
    Notice n;
    n.text = std::string{what} + (what.empty() ? "" : " \u2013 ") + why;
    n.kind = Notice::Kind::Error;
    if (retryable)
        n.retry = std::move(retry);
    return n;
}

} // namespace isp::console
