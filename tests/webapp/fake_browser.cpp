#include "fake_browser.h"

#include <cstdio>
#include <utility>

#include "webapp/platform/browser.h"
#include "webapp/platform/page_history.h"

namespace isp::webapp::test {

FakeBrowser& fake_browser() {
    static FakeBrowser browser;
    return browser;
}

bool FakeBrowser::back() {
    if (history_at == 0)
        return false;
    fragment = history[--history_at];
    moved = fragment;
    return true;
}

bool FakeBrowser::forward() {
    if (history_at + 1 >= history.size())
        return false;
    fragment = history[++history_at];
    moved = fragment;
    return true;
}

} // namespace isp::webapp::test

namespace isp::webapp::platform {

using test::fake_browser;

std::string query_parameter(std::string_view name) {
    std::string_view query = fake_browser().query;
    if (query.starts_with('?'))
        query.remove_prefix(1);
    while (!query.empty()) {
        const std::string_view pair = query.substr(0, query.find('&'));
        if (pair.starts_with(name) && pair.size() > name.size() && pair[name.size()] == '=')
            return std::string{pair.substr(name.size() + 1)};
        query.remove_prefix(pair.size() < query.size() ? pair.size() + 1 : query.size());
    }
    return {};
}

std::string page_base_url() {
    return fake_browser().base_url;
}

void replace_query(const std::string& query) {
    fake_browser().query = query;
}

std::string page_fragment() {
    return fake_browser().fragment;
}

void replace_fragment(const std::string& fragment) {
    fake_browser().fragment = fragment;
    fake_browser().history[fake_browser().history_at] = fragment;
}

void push_history_entry(std::string_view fragment) {
    test::FakeBrowser& b = fake_browser();
    b.history.resize(b.history_at + 1); // the entries Forward led to are gone
    b.history.emplace_back(fragment);
    ++b.history_at;
    b.fragment = fragment;
}

bool take_history_move(std::string& fragment) {
    if (!fake_browser().moved)
        return false;
    fragment = *std::exchange(fake_browser().moved, std::nullopt);
    return true;
}

std::string tab_value(std::string_view key) {
    const auto it = fake_browser().tab_values.find(key);
    return it == fake_browser().tab_values.end() ? std::string{} : it->second;
}

void store_tab_value(std::string_view key, std::string_view value) {
    if (value.empty())
        fake_browser().tab_values.erase(std::string{key});
    else
        fake_browser().tab_values[std::string{key}] = value;
}

void open_document(const std::string& url) {
    fake_browser().opened_documents.push_back(url);
}

void set_page_title(const std::string& title) {
    fake_browser().title = title;
}

void announce(const std::string& message) {
    fake_browser().announced.push_back(message);
}

void set_page_language(std::string_view bcp47) {
    fake_browser().page_language = bcp47;
}

std::string browser_languages() {
    return fake_browser().languages;
}

std::string stored_preference(std::string_view key) {
    const auto& preferences = fake_browser().preferences;
    const auto it = preferences.find(key);
    return it == preferences.end() ? std::string{} : it->second;
}

void store_preference(std::string_view key, std::string_view value) {
    fake_browser().preferences[std::string{key}] = value;
}

bool copy_to_clipboard(const std::string& text) {
    fake_browser().clipboard = text;
    return true;
}

void set_text_input_active(bool, bool) {}

bool touch_first() {
    return fake_browser().touch_first;
}

// "0000000000000001", "0000000000000002", ...: distinct like the CSPRNG's, and predictable.
std::string random_hex(int bytes) {
    const int n = ++fake_browser().random_calls;
    std::string hex(static_cast<std::size_t>(bytes) * 2, '0');
    char digits[16];
    const int length = std::snprintf(digits, sizeof digits, "%x", n);
    hex.replace(hex.size() - static_cast<std::size_t>(length), static_cast<std::size_t>(length), digits,
                static_cast<std::size_t>(length));
    return hex;
}

void page_ready() {}

void mark_timing(const char*) {}

void show_fatal(const std::string&) {}

bool test_hooks_enabled() {
    return false;
}

void publish_test_state(const std::string&) {}

} // namespace isp::webapp::platform
