// What the portal needs from the page around it: the address bar, new tabs, the page
// title, the clipboard, randomness, and the hooks end-to-end tests read. One
// implementation per target (browser_emscripten.cpp), so screens and the app layer
// never contain platform code.
#pragma once
#include <string>
#include <string_view>

namespace isp::webapp::platform {

// Value of `name` in the page address's query string ("" when absent).
std::string query_parameter(std::string_view name);
// "https://portal.example.ma/" style base of the page: origin + path, without query.
std::string page_base_url();
// Puts `query` ("?draft=drf_..." or "") in the address bar without reloading (history.replaceState).
void replace_query(const std::string& query);
// The address's fragment without its "#" ("set-password=..."), "" when none.
std::string page_fragment();
// Replaces the fragment without reloading or adding a history entry ("" removes it).
void replace_fragment(const std::string& fragment);
// Opens a document (a PDF link) in a new tab, or in this tab when pop-ups are blocked.
void open_document(const std::string& url);
void set_page_title(const std::string& title);
// Screen readers cannot read a canvas: messages and errors are mirrored into the page's
// ARIA live region (#live in web/index.html), which they read out when it changes.
void announce(const std::string& message);
void set_page_language(std::string_view bcp47); // <html lang="...">, for the browser's own UI
// The person's languages as the browser reports them (navigator.languages), e.g. "en-GB,fr".
std::string browser_languages();
// A small setting kept by the browser between visits (localStorage): "" when absent or
// when the browser keeps nothing (private browsing, storage disabled).
std::string stored_preference(std::string_view key);
void store_preference(std::string_view key, std::string_view value);
bool copy_to_clipboard(const std::string& text);
// Phones show their on-screen keyboard only for a focused editable element: while a text
// field of the app is editing, a hidden <input> holds the focus. What it receives without a
// key press of its own (a soft keyboard's or an input method's text, another layout's
// characters, a paste) goes to the typed input's queue (typed_input.h) as it happens.
// `keep_focus`: the hidden input keeps the focus between fields too, where no on-screen
// keyboard would pop up (devices with a keyboard), so that no such text is lost while the
// focus moves to the next field.
void set_text_input_active(bool active, bool keep_focus);
// The device's main pointer is a finger (a phone, a tablet): no physical keyboard is assumed,
// and giving a field the focus unasked would cover half the screen with the on-screen keyboard.
bool touch_first();

// `bytes` random bytes from the browser's CSPRNG, hex-encoded.
std::string random_hex(int bytes);

// The page shell shows a loading message until the first frame; this hides it.
void page_ready();
// A User Timing mark (performance.mark): start-up milestones that benchmarks and real-user
// monitoring read without any test hook ("portal:first-interactive-frame").
void mark_timing(const char* name);
// Replaces the page with a message when the portal cannot run at all (no WebGL 2).
void show_fatal(const std::string& message);

// End-to-end tests define window.portalTest before the page loads; the portal then
// publishes its state there (see ui/test_probe.h). Without it, nothing is published.
bool test_hooks_enabled();
void publish_test_state(const std::string& json);

} // namespace isp::webapp::platform
