// The SMTP sender (server/mail/smtp_sender.h) against a real SMTP server on loopback
// (python3-aiosmtpd, STARTTLS required, AUTH): what a mail client then shows - the subject
// and the names in UTF-8, the text and HTML parts, the PDF byte for byte - and the failures
// a deliverer must tell apart: refused for good (5xx), or worth trying again.
#include <doctest/doctest.h>

#include <openssl/sha.h>

#include <cstdio>
#include <filesystem>

#include "server/mail/smtp_sender.h"
#include "tests/support/smtp_sink.h"

using namespace isp;
using namespace isp::test;

namespace {

std::string temp_dir(const std::string& name) {
    std::string tmpl = (std::filesystem::temp_directory_path() / (name + "-XXXXXX")).string();
    REQUIRE(mkdtemp(tmpl.data()) != nullptr);
    return tmpl;
}

std::string sha256_hex(const std::string& bytes) {
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), digest);
    std::string hex;
    char two[3];
    for (const unsigned char b : digest) {
        std::snprintf(two, sizeof two, "%02x", b);
        hex += two;
    }
    return hex;
}

mail::OutgoingEmail invoice_email() {
    mail::OutgoingEmail e;
    e.message_id = "evt_0123456789ab.email@maghrebfibre.test";
    e.to_address = "helene@example.ma";
    e.to_name = "H\u00e9l\u00e8ne Fran\u00e7ois-\u00d8stergaard";
    e.subject =
        "Votre facture F2026-000123 \u2013 \u00e9ch\u00e9ance le 30 novembre 2026, 120,00 MAD \u00e0 r\u00e9gler";
    e.text = "Bonjour H\u00e9l\u00e8ne,\nVotre facture est jointe.\n";
    e.html = "<p>Bonjour H\u00e9l\u00e8ne,</p><p>Votre facture est jointe.</p>";
    std::string pdf = "%PDF-1.4\n";
    for (int i = 0; i < 3000; ++i)
        pdf += static_cast<char>(i % 256); // every byte value, and long lines: base64 must carry them
    e.attachments.push_back({"facture-F2026-000123.pdf", "application/pdf", pdf});
    e.date_unix = 1796040000;
    return e;
}

} // namespace

TEST_CASE("an e-mail goes out over STARTTLS with AUTH and arrives as it was written") {
    const std::string dir = temp_dir("isp-smtp");
    SmtpSink sink(dir, {"portal", "s3cret pass", {}});
    SmtpSettings settings{sink.url(), "Maghreb Fibre <factures@maghrebfibre.test>", "portal", "s3cret pass",
                          sink.ca_file()};
    REQUIRE(mail::SmtpSender::check(settings).empty());
    mail::SmtpSender sender(settings);
    const mail::OutgoingEmail e = invoice_email();
    const mail::SendOutcome sent = sender.send(e);
    CHECK_MESSAGE(sent.sent, sent.error);

    const auto got = sink.wait_for(1, 5);
    REQUIRE(got.size() == 1);
    const nlohmann::json& m = got[0];
    CHECK(m["tls"] == true);
    CHECK(m["auth_user"] == "portal");
    CHECK(m["mail_from"] == "factures@maghrebfibre.test");
    CHECK(m["rcpt_tos"] == nlohmann::json::array({"helene@example.ma"}));
    CHECK(m["subject"] == e.subject);
    CHECK(m["to"] == e.to_name + " <helene@example.ma>");
    CHECK(m["from"] == "Maghreb Fibre <factures@maghrebfibre.test>");
    CHECK(m["message_id"] == "<" + e.message_id + ">");
    CHECK(m["date"] == "Mon, 30 Nov 2026 12:00:00 +0000");
    CHECK(m["text"] == e.text);
    CHECK(m["html"].get<std::string>().find("Votre facture est jointe.") != std::string::npos);
    REQUIRE(m["attachments"].size() == 1);
    CHECK(m["attachments"][0]["filename"] == "facture-F2026-000123.pdf");
    CHECK(m["attachments"][0]["content_type"] == "application/pdf");
    CHECK(m["attachments"][0]["sha256"] == sha256_hex(e.attachments[0].content));
    std::filesystem::remove_all(dir);
}

TEST_CASE("a refused mailbox is final; a relay down or untrusted is worth trying again") {
    const std::string dir = temp_dir("isp-smtp-fail");
    SmtpSink sink(dir, {"", "", {"gone@example.ma"}});
    SmtpSettings settings{sink.url(), "factures@maghrebfibre.test", "", "", sink.ca_file()};
    mail::OutgoingEmail e = invoice_email();

    e.to_address = "gone@example.ma";
    auto outcome = mail::SmtpSender(settings).send(e);
    CHECK_FALSE(outcome.sent);
    CHECK(outcome.permanent);
    CHECK(outcome.smtp_code == 550);

    // Nothing listens there.
    e.to_address = "helene@example.ma";
    SmtpSettings down = settings;
    down.url = "smtp://127.0.0.1:" + std::to_string(free_loopback_port());
    outcome = mail::SmtpSender(down).send(e);
    CHECK_FALSE(outcome.sent);
    CHECK_FALSE(outcome.permanent);
    CHECK_FALSE(outcome.error.empty());

    // The relay's certificate is not one the system trusts: nothing is sent in clear.
    SmtpSettings untrusted = settings;
    untrusted.ca_file.clear();
    outcome = mail::SmtpSender(untrusted).send(e);
    CHECK_FALSE(outcome.sent);
    CHECK_FALSE(outcome.permanent);
    CHECK(sink.messages().empty());
    std::filesystem::remove_all(dir);
}

TEST_CASE("SMTP settings that cannot work are refused, saying why") {
    auto check = [](const std::string& url, const std::string& from) {
        return mail::SmtpSender::check({url, from, "", "", ""});
    };
    CHECK(check("smtp://mail.example.ma:587", "Maghreb Fibre <factures@example.ma>").empty());
    CHECK(check("smtps://mail.example.ma", "factures@example.ma").empty());
    CHECK(check("http://mail.example.ma", "factures@example.ma").find("smtp://") != std::string::npos);
    CHECK(check("smtp://", "factures@example.ma").find("no host") != std::string::npos);
    CHECK(check("smtp://mail.example.ma", "factures").find("--smtp-from") != std::string::npos);
    CHECK(check("smtp://mail.example.ma", "a@b.ma\r\nBcc: x@y.ma").find("--smtp-from") != std::string::npos);
    CHECK(mail::encoded_header_words("Plain subject") == "Plain subject");
    CHECK(mail::encoded_header_words("\u00e9").rfind("=?UTF-8?B?", 0) == 0);
}
