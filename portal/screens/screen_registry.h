// Screens register themselves, each in its own file, so that adding a screen touches its
// journey (which names it) and its own file, never App or ScreenHost:
//
//     const RegisterScreen<VerifyScreen> registered; // in screens/verify.cpp
//
// A registered screen is constructed from the App (its session and journeys) and found by
// its name() when a journey shows it (Journey::screen()). ScreenHost makes one of each.
#pragma once
#include <memory>
#include <vector>

#include "portal/app/app.h"
#include "portal/screens/screen.h"

namespace isp::portal {

using ScreenFactory = std::unique_ptr<Screen> (*)(App& app);

// Every registered screen's factory (registration happens before main()).
const std::vector<ScreenFactory>& registered_screens();
void register_screen(ScreenFactory make);

template <class S> struct RegisterScreen {
    RegisterScreen() {
        register_screen([](App& app) -> std::unique_ptr<Screen> { return std::make_unique<S>(app); });
    }
};

} // namespace isp::portal
