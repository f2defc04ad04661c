#include "shared/domain/webhook.h"

#include <algorithm>

#include "shared/domain/event.h"
#include "shared/signup/messages.h"

namespace isp {
namespace {

constexpr std::size_t max_url_length = 2000;

bool starts_with_nocase(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size())
        return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (static_cast<char>(text[i] | 0x20) != prefix[i])
            return false;
    return true;
}

bool host_name_char(char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '.' ||
           ch == '_';
}

bool valid_host(std::string_view host) {
    if (host.empty())
        return false;
    if (host.front() == '[') { // IPv6 literal
        if (host.size() < 4 || host.back() != ']')
            return false;
        return std::all_of(host.begin() + 1, host.end() - 1, [](char ch) {
            return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F') || ch == ':' ||
                   ch == '.';
        });
    }
    if (host.front() == '.' || host.find("..") != std::string_view::npos)
        return false;
    return std::all_of(host.begin(), host.end(), host_name_char);
}

bool valid_port(std::string_view port) {
    if (port.empty() || port.size() > 5 ||
        !std::all_of(port.begin(), port.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
        return false;
    const int value = std::stoi(std::string(port));
    return value >= 1 && value <= 65535;
}

void check_url(const std::string& url, Language language, FieldErrors& errors) {
    if (url.empty())
        errors.push_back(field_error("url", "required", language));
    else if (url.size() > max_url_length)
        errors.push_back(field_error("url", "too_long", language));
    else if (!parse_webhook_url(url))
        errors.push_back(field_error("url", "invalid_url", language));
}

void check_types(const std::vector<std::string>& types, Language language, FieldErrors& errors) {
    if (types.empty()) {
        errors.push_back(field_error("event_types", "required", language));
        return;
    }
    for (std::size_t i = 0; i < types.size(); ++i) {
        if (!is_event_type(types[i])) {
            errors.push_back(field_error("event_types", "unknown_event_type", language));
            return;
        }
        if (std::find(types.begin(), types.begin() + static_cast<std::ptrdiff_t>(i), types[i]) !=
            types.begin() + static_cast<std::ptrdiff_t>(i)) {
            errors.push_back(field_error("event_types", "duplicate_event_type", language));
            return;
        }
    }
}

} // namespace

std::string_view to_string(DeliveryState state) {
    switch (state) {
    case DeliveryState::Pending: return "pending";
    case DeliveryState::Delivered: return "delivered";
    case DeliveryState::Failed: return "failed";
    }
    return "pending";
}

std::optional<DeliveryState> parse_delivery_state(std::string_view text) {
    for (DeliveryState s : {DeliveryState::Pending, DeliveryState::Delivered, DeliveryState::Failed})
        if (to_string(s) == text)
            return s;
    return std::nullopt;
}

std::optional<WebhookUrl> parse_webhook_url(std::string_view url) {
    if (url.size() > max_url_length)
        return std::nullopt;
    // Printable ASCII only: no spaces, controls or raw UTF-8 (a client would send them as is).
    if (!std::all_of(url.begin(), url.end(), [](char ch) { return ch > 0x20 && ch < 0x7f; }))
        return std::nullopt;
    std::size_t scheme_end = 0;
    if (starts_with_nocase(url, "https://"))
        scheme_end = 8;
    else if (starts_with_nocase(url, "http://"))
        scheme_end = 7;
    else
        return std::nullopt;
    if (url.find('#') != std::string_view::npos)
        return std::nullopt;
    const std::size_t authority_end = std::min(url.find_first_of("/?", scheme_end), url.size());
    const std::string_view authority = url.substr(scheme_end, authority_end - scheme_end);
    if (authority.find('@') != std::string_view::npos)
        return std::nullopt;
    std::string_view host = authority;
    const std::size_t colon = authority.rfind(':');
    const bool bracketed = !authority.empty() && authority.front() == '[';
    if (colon != std::string_view::npos && (!bracketed || colon > authority.find(']'))) {
        if (!valid_port(authority.substr(colon + 1)))
            return std::nullopt;
        host = authority.substr(0, colon);
    }
    if (!valid_host(host))
        return std::nullopt;
    std::string scheme(url.substr(0, scheme_end));
    std::transform(scheme.begin(), scheme.end(), scheme.begin(), [](char ch) { return static_cast<char>(ch | 0x20); });
    std::string rest(url.substr(authority_end));
    if (rest.empty() || rest.front() == '?')
        rest.insert(0, "/");
    return WebhookUrl{scheme + std::string(authority), rest};
}

void check_new_webhook(const NewWebhook& webhook, Language language, FieldErrors& errors) {
    check_url(webhook.url, language, errors);
    check_types(webhook.event_types, language, errors);
}

void check_webhook_change(const WebhookChange& change, Language language, FieldErrors& errors) {
    if (change.url)
        check_url(*change.url, language, errors);
    if (change.event_types)
        check_types(*change.event_types, language, errors);
}

} // namespace isp
