// A section's notice drawn as a banner, with "Try again" when the failure offers a retry and
// "Dismiss" to close it. Probe ids "notice", "button:retry", "button:dismiss".
#pragma once
#include <functional>
#include <optional>

#include "console/app/notice.h"

namespace isp::console {

void draw_notice(const std::optional<Notice>& notice, Language language, const std::function<void()>& dismiss);

} // namespace isp::console
