// A section of the console: one entry of its navigation (Today, Customers, Contracts, ...)
// with the state and commands of its screens. A section loads what it shows when it is
// opened at a place, and says what it waits for and what it shows for the end-to-end tests.
// Plain C++ over the API (no drawing): tests/console drives sections natively, against a
// scripted fake of the HTTP layer. Its screen is drawn by console/screens/<name>_view.cpp.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "console/app/console_context.h"
#include "console/app/notice.h"
#include "shared/staff/staff_role.h"

namespace isp::console {

class Section {
public:
    explicit Section(ConsoleContext& context) : ctx_(context) {}
    virtual ~Section() = default;
    Section(const Section&) = delete;
    Section& operator=(const Section&) = delete;

    // Stable machine name, the place's section and the view's key: "customers".
    virtual std::string_view name() const = 0;
    // The least role that sees it in the navigation (the server checks each call anyway).
    virtual StaffRole needed_role() const { return StaffRole::Viewer; }
    // Whether the navigation lists it; "My account" is reached from the top bar instead.
    virtual bool in_navigation() const { return true; }
    // Shown at `place` (its id and filter): loads what it needs.
    virtual void open(const Place& place) = 0;
    // The console goes to another section or the session ends: what was typed or shown
    // only for this screen (passwords, a secret) is forgotten.
    virtual void leave() {}
    // What it waits for ("loading", "saving", ...), "" when idle: every wait shows progress.
    virtual std::string_view busy() const { return busy_; }
    // Its part of the end-to-end tests' state (console/README.md, "Test hooks").
    virtual void describe(nlohmann::json& state) const { (void)state; }

    const std::optional<Notice>& notice() const { return notice_; }
    void dismiss_notice() { notice_.reset(); }

protected:
    Language lang() const { return ctx_.language; }
    void show(Notice notice) { notice_ = std::move(notice); }

    ConsoleContext& ctx_;
    std::string_view busy_;
    std::optional<Notice> notice_;
};

} // namespace isp::console
