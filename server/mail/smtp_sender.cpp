#include "server/mail/smtp_sender.h"

#include <curl/curl.h>
#include <openssl/evp.h>

#include <ctime>
#include <memory>
#include <mutex>
#include <string_view>

namespace isp::mail {
namespace {

// curl_global_init is not thread-safe: once per process, before any handle.
void init_curl_once() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

bool plain_ascii(std::string_view s) {
    for (const unsigned char ch : s)
        if (ch < 0x20 || ch > 0x7e)
            return false;
    return true;
}

std::string base64(std::string_view bytes) {
    std::string out(4 * ((bytes.size() + 2) / 3), '\0');
    const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                  reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<int>(bytes.size()));
    out.resize(static_cast<std::size_t>(n));
    return out;
}

std::string rfc5322_date(std::int64_t unix_seconds) {
    const std::time_t t = static_cast<std::time_t>(unix_seconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    static constexpr const char* days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    char text[40];
    std::snprintf(text, sizeof text, "%s, %02d %s %04d %02d:%02d:%02d +0000", days[tm.tm_wday], tm.tm_mday,
                  months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
    return text;
}

// "Name <address>" with the name encoded when it is not plain ASCII.
std::string mailbox(const std::string& name, const std::string& address) {
    if (name.empty())
        return "<" + address + ">";
    return encoded_header_words(name) + " <" + address + ">";
}

// The host of an smtp:// URL, for the rule that plain SMTP stays on this machine.
std::string url_host(const std::string& url) {
    const auto scheme = url.find("://");
    if (scheme == std::string::npos)
        return {};
    std::string rest = url.substr(scheme + 3);
    rest = rest.substr(0, rest.find('/'));
    if (const auto at = rest.rfind('@'); at != std::string::npos)
        rest = rest.substr(at + 1);
    if (!rest.empty() && rest.front() == '[')
        return rest.substr(1, rest.find(']') - 1);
    return rest.substr(0, rest.find(':'));
}

struct CurlDeleter {
    void operator()(CURL* c) const { curl_easy_cleanup(c); }
    void operator()(curl_slist* l) const { curl_slist_free_all(l); }
    void operator()(curl_mime* m) const { curl_mime_free(m); }
};

int progress_callback(void* interrupted, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    return static_cast<std::atomic<bool>*>(interrupted)->load() ? 1 : 0; // non-zero aborts the transfer
}

} // namespace

std::string encoded_header_words(const std::string& value) {
    if (plain_ascii(value))
        return value;
    // Each word at most 75 characters (RFC 2047): 45 bytes of text -> 60 of base64, cut
    // between UTF-8 characters, words separated by a folding space.
    std::string out;
    std::size_t start = 0;
    while (start < value.size()) {
        std::size_t end = std::min(start + 45, value.size());
        while (end < value.size() && (static_cast<unsigned char>(value[end]) & 0xC0) == 0x80)
            --end;
        out += (out.empty() ? "" : "\r\n ") + std::string("=?UTF-8?B?") +
               base64(std::string_view(value).substr(start, end - start)) + "?=";
        start = end;
    }
    return out;
}

std::string bare_address(const std::string& mailbox_text) {
    const auto open = mailbox_text.rfind('<');
    const auto close = mailbox_text.rfind('>');
    if (open != std::string::npos && close != std::string::npos && close > open)
        return mailbox_text.substr(open + 1, close - open - 1);
    return mailbox_text;
}

std::string SmtpSender::check(const SmtpSettings& s) {
    const bool smtp = s.url.rfind("smtp://", 0) == 0;
    const bool smtps = s.url.rfind("smtps://", 0) == 0;
    if (!smtp && !smtps)
        return "--smtp-url must start with smtp:// (STARTTLS) or smtps:// (TLS), e.g. smtp://mail.example.ma:587";
    if (url_host(s.url).empty())
        return "--smtp-url has no host name";
    const std::string from = bare_address(s.from);
    if (from.find('@') == std::string::npos || from.find_first_of(" \r\n<>") != std::string::npos)
        return "--smtp-from must be an address, e.g. \"Maghreb Fibre <factures@maghrebfibre.ma>\"";
    if (s.from.find_first_of("\r\n") != std::string::npos)
        return "--smtp-from must be one line";
    return {};
}

SendOutcome SmtpSender::send(const OutgoingEmail& email) {
    init_curl_once();
    SendOutcome outcome;
    if (const std::string wrong = check(settings_); !wrong.empty()) {
        outcome.permanent = true;
        outcome.error = wrong;
        return outcome;
    }
    const std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
    if (!curl) {
        outcome.error = "libcurl could not start";
        return outcome;
    }
    CURL* h = curl.get();
    curl_easy_setopt(h, CURLOPT_URL, settings_.url.c_str());
    // STARTTLS is required: a relay that does not offer it fails the send rather than
    // receiving an invoice in clear. smtps:// is TLS from the first byte.
    curl_easy_setopt(h, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
    if (!settings_.ca_file.empty())
        curl_easy_setopt(h, CURLOPT_CAINFO, settings_.ca_file.c_str());
    if (!settings_.user.empty()) {
        curl_easy_setopt(h, CURLOPT_USERNAME, settings_.user.c_str());
        curl_easy_setopt(h, CURLOPT_PASSWORD, settings_.password.c_str());
    }
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(h, CURLOPT_TIMEOUT, static_cast<long>(settings_.timeout_seconds));
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, progress_callback);
    curl_easy_setopt(h, CURLOPT_XFERINFODATA, &interrupted_);

    const std::string from = "<" + bare_address(settings_.from) + ">";
    curl_easy_setopt(h, CURLOPT_MAIL_FROM, from.c_str());
    const std::unique_ptr<curl_slist, CurlDeleter> recipients(
        curl_slist_append(nullptr, ("<" + email.to_address + ">").c_str()));
    curl_easy_setopt(h, CURLOPT_MAIL_RCPT, recipients.get());

    const std::string from_name = settings_.from.find('<') != std::string::npos
                                      ? settings_.from.substr(0, settings_.from.find('<'))
                                      : std::string();
    const std::string from_display = std::string(from_name.substr(0, from_name.find_last_not_of(' ') + 1));
    const std::string header_lines[] = {
        "Date: " + rfc5322_date(email.date_unix),
        "From: " + mailbox(from_display, bare_address(settings_.from)),
        "To: " + mailbox(email.to_name, email.to_address),
        "Subject: " + encoded_header_words(email.subject),
        "Message-ID: <" + email.message_id + ">",
    };
    curl_slist* headers = nullptr;
    for (const std::string& line : header_lines)
        headers = curl_slist_append(headers, line.c_str());
    const std::unique_ptr<curl_slist, CurlDeleter> header_list(headers);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);

    // multipart/mixed: the message (text and HTML as alternatives), then the attachments.
    const std::unique_ptr<curl_mime, CurlDeleter> mime(curl_mime_init(h));
    curl_mime* alternatives = curl_mime_init(h);
    for (const auto& [body, type] :
         {std::pair{&email.text, "text/plain; charset=utf-8"}, std::pair{&email.html, "text/html; charset=utf-8"}}) {
        curl_mimepart* part = curl_mime_addpart(alternatives);
        curl_mime_data(part, body->data(), body->size());
        curl_mime_type(part, type);
        curl_mime_encoder(part, "quoted-printable");
    }
    curl_mimepart* message = curl_mime_addpart(mime.get());
    curl_mime_subparts(message, alternatives); // the part owns them now
    curl_mime_type(message, "multipart/alternative");
    const std::unique_ptr<curl_slist, CurlDeleter> inline_disposition(
        curl_slist_append(nullptr, "Content-Disposition: inline"));
    curl_mime_headers(message, inline_disposition.get(), 0);
    for (const EmailAttachment& a : email.attachments) {
        curl_mimepart* part = curl_mime_addpart(mime.get());
        curl_mime_data(part, a.content.data(), a.content.size());
        curl_mime_type(part, a.media_type.c_str());
        curl_mime_filename(part, a.filename.c_str());
        curl_mime_encoder(part, "base64");
    }
    curl_easy_setopt(h, CURLOPT_MIMEPOST, mime.get());

    char error[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error);
    const CURLcode rc = curl_easy_perform(h);
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &outcome.smtp_code);
    if (rc == CURLE_OK) {
        outcome.sent = true;
        return outcome;
    }
    outcome.error = std::string(curl_easy_strerror(rc)) + (error[0] ? std::string(": ") + error : std::string());
    // A 5xx reply refuses the message itself (unknown mailbox, policy): no retry helps.
    // Anything else (4xx, no connection, TLS) may pass later.
    outcome.permanent = outcome.smtp_code >= 500 && outcome.smtp_code < 600;
    return outcome;
}

SmtpSender::SmtpSender(SmtpSettings settings) : settings_(std::move(settings)) {}

} // namespace isp::mail
