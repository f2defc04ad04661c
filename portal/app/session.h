// What every screen of the portal may read: the person's language and the catalog the
// server sent at start-up, plus the one command every screen offers (switch language).
#pragma once
#include <functional>

#include "portal/api/landing_types.h"
#include "shared/domain/money.h"
#include "webapp/platform/image.h"

namespace isp::portal {

struct Session {
    Language language = Language::French;  // French first: the operator's customers mostly read it
    const Bootstrap* catalog = nullptr;    // set once GET /landing/bootstrap answered
    webapp::platform::Image operator_logo; // drawn in every screen's header once loaded
    std::function<void(Language)> change_language;
};

} // namespace isp::portal
