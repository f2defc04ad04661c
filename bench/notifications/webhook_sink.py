# The notification bench's webhook receiver: answers every POST 200 at once and appends the
# event id to --out, one line each (the bench counts lines; no signature check: the receiver
# should cost as little as a real one that only queues the event).
import argparse
import http.server
import sys


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--out", required=True)
    a = p.parse_args()
    out = open(a.out, "a", buffering=1, encoding="ascii")

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as a production receiver behind nginx

        def do_POST(self):
            self.rfile.read(int(self.headers.get("Content-Length", "0")))
            out.write(self.headers.get("X-Portal-Event-Id", "-") + "\n")
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    http.server.ThreadingHTTPServer(("127.0.0.1", a.port), Handler).serve_forever()


if __name__ == "__main__":
    sys.exit(main())
