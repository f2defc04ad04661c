// The page around the portal, through small EM_JS functions. Strings come back from
// JavaScript as new UTF-8 strings on the wasm heap (Emscripten's stringToNewUTF8, linked in
// by portal/CMakeLists.txt), which from_js() copies and frees.
#include "webapp/platform/browser.h"
#include "webapp/platform/typed_input.h"

#include <emscripten.h>

#include <cstdlib>
#include <vector>

namespace isp::webapp::platform {
namespace {

// The EM_JS bodies below are JavaScript, which clang-format would mangle.
// clang-format off
EM_JS(char*, isp_query_parameter, (const char* name), {
    return stringToNewUTF8(new URLSearchParams(window.location.search).get(UTF8ToString(name)) || "");
});

EM_JS(char*, isp_page_base_url, (), { return stringToNewUTF8(window.location.origin + window.location.pathname); });

EM_JS(char*, isp_browser_languages, (), {
    var languages = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""];
    return stringToNewUTF8(languages.join(","));
});

// localStorage throws when storage is disabled (and may in private browsing): then nothing is kept.
EM_JS(char*, isp_stored_preference, (const char* key), {
    var value = "";
    try { value = window.localStorage.getItem("portal." + UTF8ToString(key)) || ""; } catch (e) {}
    return stringToNewUTF8(value);
});

EM_JS(void, isp_store_preference, (const char* key, const char* value), {
    try { window.localStorage.setItem("portal." + UTF8ToString(key), UTF8ToString(value)); } catch (e) {}
});

EM_JS(void, isp_replace_query, (const char* query), {
    var url = window.location.pathname + UTF8ToString(query) + window.location.hash;
    window.history.replaceState(null, "", url);
});

EM_JS(char*, isp_page_fragment, (), { return stringToNewUTF8(window.location.hash.replace(/^#/, "")); });

EM_JS(void, isp_replace_fragment, (const char* fragment), {
    var hash = UTF8ToString(fragment);
    window.history.replaceState(null, "", window.location.pathname + window.location.search + (hash ? "#" + hash : ""));
});

EM_JS(void, isp_open_document, (const char* url), {
    var target = UTF8ToString(url);
    var tab = window.open(target, "_blank");
    if (tab)
        tab.opener = null;
    else
        window.location.assign(target);
});

EM_JS(void, isp_set_page_title, (const char* title), { document.title = UTF8ToString(title); });

EM_JS(void, isp_announce, (const char* message), {
    const live = document.getElementById("live");
    if (live)
        live.textContent = UTF8ToString(message);
});

EM_JS(void, isp_set_page_language, (const char* lang), { document.documentElement.lang = UTF8ToString(lang); });

EM_JS(int, isp_copy_to_clipboard, (const char* text), {
    var value = UTF8ToString(text);
    if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(value).catch(function(){});
        return 1;
    }
    // Plain-HTTP pages (a small ISP's LAN) have no async clipboard: the old way still works.
    var area = document.createElement("textarea");
    area.value = value;
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try {
        ok = document.execCommand("copy");
    } catch (e) {
    }
    document.body.removeChild(area);
    return ok ? 1 : 0;
});

// Text typed into the page's editable elements: the hidden input below, and the text fields
// of the screen-reader mirror (semantics_mirror_emscripten.cpp), which listen the same way
// (Module.ispTypedInput.listen). A key press's character reaches the app as a keypress
// (Emscripten's GLFW) and then lands in the element too: that input event is skipped; any
// other (other layouts' characters, input methods, pastes, insertText) is handed to the typed
// input's queue at once, in order with the keys. An edit at the end of the element's text
// (the caret is kept there) is handed over as what it removed and added; any other (a
// selection replaced: a password manager, an assistive technology setting the value) as
// the field's whole new text.
// The hidden input starts with one sentinel character so that Backspace on a soft keyboard
// always has something to delete (and so fires an input event).
EM_JS(void, isp_text_input_active, (int active, int keep_focus), {
    var typed = Module.ispTypedInput;
    if (!typed) {
        typed = Module.ispTypedInput = { keyChar: null, hidden: null, active: false };
        // The character GLFW types for this key press (its own rule: no Ctrl or Meta, no control character).
        window.addEventListener("keydown", function() { typed.keyChar = null; }, true);
        window.addEventListener("keypress", function(e) {
            typed.keyChar = !e.ctrlKey && !e.metaKey && e.charCode >= 0x20 ? String.fromCharCode(e.charCode) : null;
        }, true);
        // The caret stays at the end, with nothing selected: the app's field has its own caret
        // and selection (Home, Ctrl+A there must not make the next insertion an edit of what is
        // before it here).
        window.addEventListener("keyup", function() {
            var el = document.activeElement;
            if (el && el.ispBase !== undefined && !el.ispComposing && el.selectionStart !== null)
                el.setSelectionRange(el.value.length, el.value.length);
        }, true);
        // `sentinel`: the element holds " " plus what was typed since the last edit, not a field's text.
        typed.listen = function(el, sentinel) {
            el.ispBase = el.value;
            el.ispComposing = false;
            el.ispAtEnd = true;
            el.addEventListener("compositionstart", function() { el.ispComposing = true; });
            el.addEventListener("compositionend", function() { el.ispComposing = false; });
            el.addEventListener("beforeinput", function() {
                el.ispAtEnd = el.selectionStart === null ||
                              (el.selectionStart === el.selectionEnd && el.selectionEnd === el.value.length);
            });
            el.addEventListener("input", function(e) {
                var now = el.value;
                var before = el.ispBase;
                var typedByKey = typed.keyChar !== null && e.inputType === "insertText" && e.data === typed.keyChar;
                typed.keyChar = null;
                if (!typedByKey && !sentinel && !el.ispAtEnd) {
                    var whole = stringToNewUTF8(now);
                    _isp_text_replaced(whole);
                    _free(whole);
                } else if (!typedByKey) {
                    // What changed between the text both share at the start and at the end.
                    var head = 0;
                    while (head < now.length && head < before.length && now[head] === before[head]) ++head;
                    var tail = 0;
                    while (tail < now.length - head && tail < before.length - head &&
                           now[now.length - 1 - tail] === before[before.length - 1 - tail]) ++tail;
                    var added = stringToNewUTF8(now.slice(head, now.length - tail));
                    _isp_text_edited(before.length - head - tail, added);
                    _free(added);
                }
                if (sentinel && (now.length === 0 || (typedByKey && !e.isComposing))) now = el.value = " ";
                el.ispBase = now;
                el.ispAtEnd = true;
            });
        };
        var el = document.createElement("input");
        el.type = "text";
        el.autocomplete = "off";
        el.spellcheck = false;
        el.tabIndex = -1;
        el.value = " ";
        el.setAttribute("autocorrect", "off");
        el.setAttribute("autocapitalize", "off");
        el.setAttribute("aria-hidden", "true");
        // 16px: iOS zooms into smaller inputs.
        el.style.cssText = "position:fixed;left:0;top:0;width:1px;height:1px;opacity:0;border:0;padding:0;font-size:16px";
        document.body.appendChild(el);
        typed.hidden = el;
        typed.listen(el, true);
    }
    var hidden = typed.hidden;
    if (active && !typed.active) // a field starts editing: nothing of the last one's text is before the caret
        hidden.value = hidden.ispBase = " ";
    typed.active = !!active;
    // A text field of the screen-reader mirror holding the focus takes the typing itself, and
    // its other elements keep the focus a screen reader or the app gave them. With the mirror,
    // the hidden input does not hold the focus where the app has none (a screen reader would
    // find an unnamed edit field there): the mirror's elements bridge the moves between fields.
    var focus = document.activeElement;
    var inMirror = !!(focus && focus.ispMirrored);
    var focused = focus === hidden || (inMirror && (!active || focus.ispTyping));
    var between = keep_focus && !Module.ispMirror;
    if ((active || between) && !focused) {
        hidden.value = hidden.ispBase = " ";
        hidden.inert = false;
        hidden.focus({ preventScroll: true });
    } else if (!active && !between && focus === hidden) {
        hidden.blur();
    }
    // Out of the accessibility tree whenever it does not hold the focus (aria-hidden alone does
    // not keep Chromium from showing an edit field that once had it).
    var inert = document.activeElement !== hidden;
    if (hidden.inert !== inert)
        hidden.inert = inert;
});

EM_JS(int, isp_touch_first, (), { return window.matchMedia && window.matchMedia("(pointer: coarse)").matches ? 1 : 0; });

EM_JS(void, isp_random_bytes, (unsigned char* out, int count), {
    var bytes = new Uint8Array(count);
    window.crypto.getRandomValues(bytes);
    HEAPU8.set(bytes, out);
});

EM_JS(void, isp_page_ready, (), {
    var status = document.getElementById("status");
    if (status)
        status.hidden = true;
    Module["canvas"].style.visibility = "visible";
});

EM_JS(void, isp_mark_timing, (const char* name), {
    if (window.performance && performance.mark)
        performance.mark(UTF8ToString(name));
});

EM_JS(void, isp_show_fatal, (const char* message), {
    var status = document.getElementById("status");
    if (status) {
        status.hidden = false;
        status.textContent = UTF8ToString(message);
        status.setAttribute("role", "alert");
    }
});

EM_JS(int, isp_test_hooks_enabled, (), { return typeof window.portalTest === "object" && window.portalTest ? 1 : 0; });

EM_JS(void, isp_publish_test_state, (const char* json), {
    window.portalTest.state = JSON.parse(UTF8ToString(json));
    window.portalTest.updates = (window.portalTest.updates || 0) + 1;
});
// clang-format on

// A string made by stringToNewUTF8 (malloc), copied then freed.
std::string from_js(char* text) {
    std::string out = text ? text : "";
    std::free(text);
    return out;
}

} // namespace

// An edit at the end of a typed-input element (isp_text_input_active), from within its input event.
extern "C" EMSCRIPTEN_KEEPALIVE void isp_text_edited(int removed, const char* added) {
    queue_text_edit(removed, added ? added : "");
}

// A mirrored text field's whole text replaced (isp_text_input_active), from within its input event.
extern "C" EMSCRIPTEN_KEEPALIVE void isp_text_replaced(const char* text) {
    queue_text_replacement(text ? text : "");
}

std::string query_parameter(std::string_view name) {
    const std::string key{name};
    return from_js(isp_query_parameter(key.c_str()));
}

std::string page_base_url() {
    return from_js(isp_page_base_url());
}

void replace_query(const std::string& query) {
    isp_replace_query(query.c_str());
}

std::string page_fragment() {
    return from_js(isp_page_fragment());
}

void replace_fragment(const std::string& fragment) {
    isp_replace_fragment(fragment.c_str());
}

void open_document(const std::string& url) {
    isp_open_document(url.c_str());
}

void set_page_title(const std::string& title) {
    isp_set_page_title(title.c_str());
}

void announce(const std::string& message) {
    isp_announce(message.c_str());
}

void set_page_language(std::string_view bcp47) {
    const std::string lang{bcp47};
    isp_set_page_language(lang.c_str());
}

std::string browser_languages() {
    return from_js(isp_browser_languages());
}

std::string stored_preference(std::string_view key) {
    const std::string k{key};
    return from_js(isp_stored_preference(k.c_str()));
}

void store_preference(std::string_view key, std::string_view value) {
    const std::string k{key};
    const std::string v{value};
    isp_store_preference(k.c_str(), v.c_str());
}

bool copy_to_clipboard(const std::string& text) {
    return isp_copy_to_clipboard(text.c_str()) != 0;
}

std::string random_hex(int bytes) {
    std::vector<unsigned char> raw(static_cast<std::size_t>(bytes));
    isp_random_bytes(raw.data(), bytes);
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    for (unsigned char b : raw) {
        out += digits[b >> 4];
        out += digits[b & 0x0F];
    }
    return out;
}

void set_text_input_active(bool active, bool keep_focus) {
    isp_text_input_active(active ? 1 : 0, keep_focus ? 1 : 0);
}

bool touch_first() {
    return isp_touch_first() != 0;
}

void page_ready() {
    isp_page_ready();
}

void mark_timing(const char* name) {
    isp_mark_timing(name);
}

void show_fatal(const std::string& message) {
    isp_show_fatal(message.c_str());
}

bool test_hooks_enabled() {
    return isp_test_hooks_enabled() != 0;
}

void publish_test_state(const std::string& json) {
    isp_publish_test_state(json.c_str());
}

} // namespace isp::webapp::platform
