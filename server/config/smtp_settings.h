// Where customers' e-mails go out (--smtp-*): set in ServerConfig, used by the SMTP sender
// (mail/smtp_sender.h). Empty url: no e-mail is sent (the notifications wait, listed as such).
#pragma once
#include <string>

namespace isp {

struct SmtpSettings {
    std::string url;      // "smtp://mail.example.ma:587" (STARTTLS), "smtps://mail.example.ma" (TLS)
    std::string from;     // "Maghreb Fibre <factures@maghrebfibre.ma>"
    std::string user;     // empty: no AUTH
    std::string password; // from the config file, never logged
    std::string ca_file;  // empty: the system's CAs
    int timeout_seconds = 60;

    bool configured() const { return !url.empty(); }
};

} // namespace isp
