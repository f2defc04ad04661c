// One e-mail to send: what the services compose (the words, in the customer's language)
// and the SMTP sender (mail/smtp_sender.h) puts on the wire. Text and HTML say the same;
// attachments are whole files (the invoice's PDF).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace isp::mail {

struct EmailAttachment {
    std::string filename;   // "facture-F2026-000123.pdf"
    std::string media_type; // "application/pdf"
    std::string content;    // the bytes
};

struct OutgoingEmail {
    std::string message_id; // unique per e-mail and stable across retries: receivers drop repeats
    std::string to_address;
    std::string to_name;
    std::string subject;
    std::string text; // text/plain
    std::string html; // text/html
    std::vector<EmailAttachment> attachments;
    std::int64_t date_unix = 0; // the Date header
};

} // namespace isp::mail
