// The browser's history and the tab's own storage, so that an app drawn on one canvas still
// behaves like a web site: each screen is an entry of the history with its own address
// ("/#/verify"), Back and Forward move between them, and what is being typed survives a
// reload of the tab (sessionStorage: this tab only, gone when it closes, never across
// visits). One implementation per target (page_history_emscripten.cpp); the native journey
// tests use a fake (tests/webapp/fake_browser.cpp).
#pragma once
#include <string>
#include <string_view>

namespace isp::webapp::platform {

// A new entry of the history after the current one, its address ending in "#<fragment>"
// (history.pushState: nothing is loaded; the entries after the current one are dropped).
void push_history_entry(std::string_view fragment);
// The fragment of the entry the person moved to with Back or Forward (or by editing the
// fragment in the address bar) since the last call; false when they did not move.
bool take_history_move(std::string& fragment);

// A value kept for this tab only ("" when absent or when the browser keeps nothing).
std::string tab_value(std::string_view key);
// Keeps `value` for this tab; "" removes it.
void store_tab_value(std::string_view key, std::string_view value);

} // namespace isp::webapp::platform
