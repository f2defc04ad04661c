// A stand-in for webapp/platform/browser.h in the native journey tests: the page around the
// app as plain values a test sets (address bar, browser languages, stored preferences)
// and reads (documents opened, page language, messages announced to screen readers), and its
// history and sessionStorage (platform/page_history.h).
#pragma once
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace isp::webapp::test {

struct FakeBrowser {
    std::string base_url = "https://portal.example.ma/";
    std::string query;                                           // the address bar's, "?draft=drf_..." or ""
    std::string fragment;                                        // after its "#", "" when none
    std::string languages = "fr-FR,fr";                          // navigator.languages
    std::map<std::string, std::string, std::less<>> preferences; // localStorage
    std::string page_language;                                   // <html lang>
    std::string title;
    std::vector<std::string> opened_documents; // new tabs, in order
    std::vector<std::string> announced;        // the ARIA live region's texts, in order
    std::string clipboard;
    bool touch_first = false; // a phone: no keyboard assumed
    int random_calls = 0;     // random_hex() counts its calls: distinct, predictable values
    // platform/page_history.h: the tab's history as the fragments of its entries, the one
    // shown, a move not yet taken by the app, and sessionStorage.
    std::vector<std::string> history{std::string{}};
    std::size_t history_at = 0;
    std::optional<std::string> moved;
    std::map<std::string, std::string, std::less<>> tab_values;

    // The browser's Back and Forward buttons: false when there is no entry that way.
    bool back();
    bool forward();
    void reset() { *this = FakeBrowser{}; }
};

FakeBrowser& fake_browser();

} // namespace isp::webapp::test
