# A real SMTP server for the tests, on Debian's python3-aiosmtpd: STARTTLS required with the
# test's certificate, AUTH when a user is given, recipients in --reject refused with 550.
# Each message received is written to --out as one JSON line, decoded by Python's own email
# package (subject and names as a reader sees them, the text and HTML parts, attachments
# with their SHA-256), so the C++ tests assert on what a mail client would show.
import argparse
import hashlib
import logging
import json
import signal
import ssl
import sys
import threading

import email
import email.policy
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult


class Handler:
    def __init__(self, out, reject):
        self.out = out
        self.reject = set(reject)
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.reject:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        msg = email.message_from_bytes(envelope.content, policy=email.policy.default)
        text = msg.get_body(preferencelist=("plain",))
        html = msg.get_body(preferencelist=("html",))
        attachments = []
        for part in msg.iter_attachments():
            content = part.get_payload(decode=True) or b""
            attachments.append({"filename": part.get_filename(), "content_type": part.get_content_type(),
                                "size": len(content), "sha256": hashlib.sha256(content).hexdigest()})
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "tls": session.ssl is not None,
            "auth_user": session.auth_data.decode() if isinstance(session.auth_data, bytes) else None,
            "from": str(msg["from"]),
            "to": str(msg["to"]),
            "subject": str(msg["subject"]),
            "message_id": str(msg["message-id"]),
            "date": str(msg["date"]),
            "text": text.get_content() if text is not None else None,
            "html": html.get_content() if html is not None else None,
            "attachments": attachments,
        }
        with self.lock, open(self.out, "a", encoding="utf-8") as f:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
        return "250 Message accepted"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--cert", required=True)
    p.add_argument("--key", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--user", default="")
    p.add_argument("--password", default="")
    p.add_argument("--reject", action="append", default=[])
    p.add_argument("--ready", required=True)
    a = p.parse_args()
    # A client that gives up on an untrusted certificate is a test's point, not an error to print.
    logging.getLogger("mail.log").setLevel(logging.CRITICAL)

    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(a.cert, a.key)

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = auth_data.login.decode() == a.user and auth_data.password.decode() == a.password
        return AuthResult(success=ok, auth_data=auth_data.login if ok else None)

    options = {}
    if a.user:
        options = {"authenticator": authenticator, "auth_required": True, "auth_require_tls": True}
    controller = Controller(Handler(a.out, a.reject), hostname="127.0.0.1", port=a.port, tls_context=context,
                            require_starttls=True, **options)
    controller.start()
    open(a.ready, "w").close()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    sys.exit(main())
