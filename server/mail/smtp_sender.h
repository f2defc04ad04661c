// Sends e-mails over SMTP with libcurl (Debian's libcurl4-openssl): STARTTLS required on
// smtp:// unless the relay is on this machine, implicit TLS on smtps://, AUTH when a user is
// set. The message is MIME: multipart/alternative text and HTML in UTF-8 (quoted-printable),
// attachments in base64, non-ASCII subjects and names as RFC 2047 encoded words.
#pragma once
#include <atomic>
#include <string>

#include "server/config/smtp_settings.h"
#include "server/mail/outgoing_email.h"

namespace isp::mail {

struct SendOutcome {
    bool sent = false;
    bool permanent = false; // the relay refused for good (5xx): trying again would not help
    long smtp_code = 0;     // the relay's last reply code, 0 when none came
    std::string error;      // empty when sent; never holds the password
};

class SmtpSender {
public:
    explicit SmtpSender(SmtpSettings settings);

    // Why the settings cannot work (bad URL, plain SMTP to another machine, no from); empty
    // when they can. Checked at start and by `config check`.
    static std::string check(const SmtpSettings& settings);

    SendOutcome send(const OutgoingEmail& email);
    // From another thread: cuts the send in flight (the server is stopping).
    void interrupt() { interrupted_ = true; }

private:
    SmtpSettings settings_;
    std::atomic<bool> interrupted_{false};
};

// "=?UTF-8?B?...?=" words for a header value that is not plain ASCII; the value itself otherwise.
std::string encoded_header_words(const std::string& value);
// The address inside "Name <address>", or the whole text.
std::string bare_address(const std::string& mailbox);

} // namespace isp::mail
