// The history and sessionStorage through small EM_JS functions. A move is noticed by
// popstate (Back, Forward) and hashchange (a fragment typed in the address bar) and kept
// until the app's next frame asks for it.
#include "webapp/platform/page_history.h"

#include <emscripten.h>

#include <cstdlib>

namespace isp::webapp::platform {
namespace {

// The EM_JS bodies below are JavaScript, which clang-format would mangle.
// clang-format off
EM_JS(void, isp_push_history_entry, (const char* fragment), {
    var hash = "#" + UTF8ToString(fragment);
    if (window.location.hash !== hash)
        window.history.pushState(null, "", window.location.pathname + window.location.search + hash);
});

// The latest fragment moved to (null until the person moves); listening starts at the first call.
EM_JS(char*, isp_take_history_move, (), {
    if (!Module.ispHistory) {
        var history = Module.ispHistory = { moved: null };
        var moved = function() { history.moved = window.location.hash.replace(/^#/, ""); };
        window.addEventListener("popstate", moved);
        window.addEventListener("hashchange", moved);
    }
    var fragment = Module.ispHistory.moved;
    if (fragment === null)
        return 0;
    Module.ispHistory.moved = null;
    return stringToNewUTF8(fragment);
});

// sessionStorage throws when storage is disabled: then nothing is kept.
EM_JS(char*, isp_tab_value, (const char* key), {
    var value = "";
    try { value = window.sessionStorage.getItem("portal." + UTF8ToString(key)) || ""; } catch (e) {}
    return stringToNewUTF8(value);
});

EM_JS(void, isp_store_tab_value, (const char* key, const char* value), {
    try {
        var k = "portal." + UTF8ToString(key);
        var v = UTF8ToString(value);
        if (v) window.sessionStorage.setItem(k, v); else window.sessionStorage.removeItem(k);
    } catch (e) {}
});
// clang-format on

} // namespace

void push_history_entry(std::string_view fragment) {
    const std::string f{fragment};
    isp_push_history_entry(f.c_str());
}

bool take_history_move(std::string& fragment) {
    char* moved = isp_take_history_move();
    if (!moved)
        return false;
    fragment = moved;
    std::free(moved);
    return true;
}

std::string tab_value(std::string_view key) {
    const std::string k{key};
    char* value = isp_tab_value(k.c_str());
    std::string out = value ? value : "";
    std::free(value);
    return out;
}

void store_tab_value(std::string_view key, std::string_view value) {
    const std::string k{key};
    const std::string v{value};
    isp_store_tab_value(k.c_str(), v.c_str());
}

} // namespace isp::webapp::platform
