#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz harnesses (tests/fuzz/corpus/<harness>/) and their
dictionaries (tests/fuzz/dict/<name>.dict).

    python3 tests/fuzz/make_corpus.py   # rewrites every corpus/<harness>/ directory and dict/

Seeds are what the API tests send (tests/api/*.cpp): request bodies and whole requests,
with the demo's fixed ids. The harnesses fix the signing key, the staff tokens and the
clock (fuzz_http.cpp, fuzz_tokens.cpp), so the tokens written here are valid there. Ids the
demo draws at random are markers ($INV1$, $CASE1$, ...; fuzz_http.cpp replaces them).
Deterministic: the same script writes the same bytes. Files are named for what they are;
libFuzzer's own finds go to a scratch corpus outside git (bench/fuzz/run).
"""
import base64
import hashlib
import hmac
import json
import os
import shutil
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")

# Also in fuzz_http.cpp and fuzz_tokens.cpp.
SIGNING_KEY = b"00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"
NOW = 1795428000  # 2026-11-23T10:00:00Z
ADMIN = "pst_stk_fuzzadmin_fuzzadminsecret0000000000000000000000"
OPS = "pst_stk_fuzzops_fuzzopssecret000000000000000000000000000"
REVOKED = "pst_stk_fuzzrevoked_fuzzrevokedsecret00000000000000000000"


def b64url(raw):
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def sign(purpose, subject, expires):
    """security::TokenSigner::sign: "<expires>.<base64url(HMAC-SHA256(purpose|subject|expires))>"."""
    msg = f"{purpose}|{subject}|{expires}".encode()
    return f"{expires}." + b64url(hmac.new(SIGNING_KEY, msg, hashlib.sha256).digest())


def lookup_token(client_id, expires=NOW + 900):
    return f"{client_id}." + sign("lookup", client_id, expires)


def contract_link_token(contract_id, version, expires=NOW + 86400):
    return f"{version}." + sign("contract-document", f"{contract_id}#{version}", expires)


AMINA = lookup_token("cli_demo_amina")
YOUSSEF = lookup_token("cli_demo_youssef")
EXPIRED = lookup_token("cli_demo_amina", NOW - 1)
DOC_LINK = contract_link_token("ctr_demo_amina", 1)
DEVICE = sign("device", "AB123456", NOW + 86400 * 180)


def dump(value):
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": ")).encode()


# --- request bodies (tests/api) ---------------------------------------------------------
SIGNUP = {"offer_id": "ofr_mobile_confort", "cin": "CD778899", "first_name": "Élodie",
          "last_name": "Çakır-Ñúñez", "phone": "06 77 88 99 00", "email": "elodie@example.ma",
          "address": "5, rue de Fès, Rabat", "service_identifier": "0677889900",
          "contract_start_date": "2026-12-01", "commitment_months": 12, "language": "fr"}
SIGNUP_INTERNET = dict(SIGNUP, offer_id="ofr_internet_fibre100", cin="EF112233",
                       service_identifier="ftth-a00001", language="en")
SIGNUP_LANDLINE = dict(SIGNUP, offer_id="ofr_landline_local", cin="GH445566",
                       service_identifier="0522 11 22 33", commitment_months=0)
DRAFT = {"form": {"cin": "ab12", "first_name": "Élodie"}, "step": "details"}
CUSTOMER = {"cin": "KT102030", "first_name": "Karim", "last_name": "Tazi", "phone": "06 55 44 33 22",
            "email": "karim.tazi@Example.MA", "address": "12, boulevard Zerktouni, Casablanca",
            "language": "en"}
OFFER = {"family": "internet", "name": "Fibre 1 Giga", "description": "Symmetric gigabit fibre.",
         "monthly_price": {"amount_minor": 59900, "currency": "MAD"}, "tax_rate_bp": 2000,
         "commitment_months": 12, "active": True}
PROVISION = {"offer_id": "ofr_mobile_confort", "contract_start_date": "2026-11-23", "commitment_months": 12,
             "client_id": "cli_demo_youssef", "subscriber": {"service_identifier": "+212612300000"},
             "provisioning_intent": "auto"}
MANUAL = {"client_id": "cli_demo_helene", "offer_id": "ofr_landline_monde", "service_identifier": "0522998877",
          "contract_start_date": "2026-12-01", "status": "suspended", "commitment_months": 12}
STATUS = {"status": "suspended", "effective_date": "2026-11-23", "reason": "customer request"}
PLAN = {"offer_id": "ofr_mobile_illimite", "effective_date": "2026-12-01"}
BILLING = {"period": "2026-11"}
PAYMENT = {"invoice_id": "$INV2$", "amount": {"amount_minor": 7000, "currency": "MAD"}, "method": "cash",
           "reference": "CHQ 1234567", "received_on": "2026-11-20"}
APPROVE = {"method": "cheque", "reference": "CHQ 1234567", "received_on": "2026-11-20"}
CASE_STATUS = {"status": "closed", "reason": "Written off"}
ACTION = {"kind": "call", "note": "Promised to pay."}
VERIFY = {"cin": "AB123456", "service_identifier": "06 12 34 56 78"}
PLAN_CHANGE = {"lookup_token": AMINA, "contract_id": "ctr_demo_amina", "target_offer_id": "ofr_mobile_illimite",
               "contract_start_date": "2026-12-15"}
DOC_LINK_BODY = {"lookup_token": AMINA}
DOC_LINK_PROOF = {"cin": "AB123456", "service_identifier": "0612345678"}
FIELD_ERRORS = [{"field": "cin", "code": "invalid_cin", "message": "CIN invalide"},
                {"field": "subscriber.service_identifier", "code": "required", "message": "Required"}]
CLIENT = {"client_id": "cli_demo_amina", "cin": "AB123456", "first_name": "Amina", "last_name": "El Idrissi",
          "phone": "+212612345678", "email": "amina.elidrissi@example.ma", "address": "24, rue Ibn Battouta, Rabat",
          "language": "fr", "created_at": "2026-11-23T10:00:00Z", "updated_at": "2026-11-23T10:00:00Z"}
CONTRACT = {"contract_id": "ctr_demo_amina", "contract_number": "CTR-2026-000001", "client_id": "cli_demo_amina",
            "offer_id": "ofr_mobile_confort", "service_identifier": "+212612345678",
            "contract_start_date": "2026-08-23", "commitment_months": 12, "commitment_end": "2027-08-22",
            "status": "active", "document_version": 1, "created_at": "2026-11-23T10:00:00Z"}
MONEY = {"amount_minor": 29900, "currency": "MAD"}
INVOICE = {"invoice_id": "inv_x", "invoice_number": "FAC-2026-000001", "billing_run_id": "run_x",
           "client_id": "cli_demo_amina", "contract_id": "ctr_demo_amina", "period": "2026-10",
           "period_start": "2026-10-01", "period_end": "2026-10-31", "issue_date": "2026-11-01",
           "due_date": "2026-11-16", "subtotal": MONEY, "tax": {"amount_minor": 5980, "currency": "MAD"},
           "total": {"amount_minor": 35880, "currency": "MAD"}, "paid": {"amount_minor": 0, "currency": "MAD"},
           "outstanding": {"amount_minor": 35880, "currency": "MAD"}, "status": "overdue",
           "client": {"name": "Amina El Idrissi", "cin": "AB123456", "address": "Rabat", "email": "a@example.ma"},
           "lines": [{"line_no": 1, "offer_id": "ofr_mobile_confort", "offer_name": "Mobile Confort",
                      "from_date": "2026-10-01", "to_date": "2026-10-31", "days": 31, "days_in_period": 31,
                      "monthly_price": MONEY, "amount": MONEY, "tax_rate_bp": 2000,
                      "tax": {"amount_minor": 5980, "currency": "MAD"},
                      "total": {"amount_minor": 35880, "currency": "MAD"}}]}

JSON_BODIES = {
    "signup-mobile": SIGNUP, "signup-internet": SIGNUP_INTERNET, "signup-landline": SIGNUP_LANDLINE,
    "signup-with-draft": dict(SIGNUP, draft_id="drf_doesnotexist0000000000000"), "draft": DRAFT,
    "customer": CUSTOMER, "offer": OFFER, "provision": PROVISION, "manual-contract": MANUAL,
    "contract-status": STATUS, "contract-offer": PLAN, "billing-run": BILLING, "payment": PAYMENT,
    "approve-paid": APPROVE, "case-status": CASE_STATUS, "case-action": ACTION, "verify-cin": VERIFY,
    "plan-change": PLAN_CHANGE, "document-link": DOC_LINK_BODY, "document-link-proof": DOC_LINK_PROOF,
    "field-errors": FIELD_ERRORS, "client": CLIENT, "contract": CONTRACT, "money": MONEY, "invoice": INVOICE,
    "invoice-client": INVOICE["client"], "offer-wire": dict(OFFER, offer_id="ofr_x"),
    "empty-object": {}, "empty-array": [], "case-note": {"kind": "note", "note": "x"},
    "case-status-open": {"status": "in_progress"}, "payment-bad": {"method": "bitcoin", "received_on": "2027-01-01"},
    "offer-bad": dict(OFFER, family="tv", tax_rate_bp=20000, name=""),
}
JSON_RAW = {  # what the intake must refuse, or accept exactly
    "malformed": b"{", "trailing": b'{"a": 1} x', "duplicate-key": b'{"cin": "A", "cin": "B"}',
    "deep": b"[" * 40 + b"]" * 40, "big-number": b'{"amount_minor": 1e999}', "huge-integer": b"1" * 400,
    "nul-inside": b'{"a": 1}\x00{"b"', "invalid-utf8": b'{"name": "\xc3\x28"}', "escapes": b'"\\u00e9\\ud83d\\ude00\\u0000"',
    "bom": b"\xef\xbb\xbf{}", "numbers": b"[0, -0, 1.5e3, -9223372036854775808, 18446744073709551615, 1E-400]",
    "whitespace": b" \t\r\n{ } \n",
}


# --- whole requests (tests/api) ---------------------------------------------------------
# fuzz_http.cpp replaces these markers with random ids of a fixed length before handling the
# bytes: a body's Content-Length counts the replaced length.
MARKER_LENGTHS = {"$INV1$": 20, "$INV2$": 20, "$INV3$": 20, "$CASE1$": 24, "$INVTOKEN1$": 54}


def expanded_length(payload):
    return len(payload) + sum(payload.count(m.encode()) * (n - len(m)) for m, n in MARKER_LENGTHS.items())


def request(method, path, body=None, headers=(), close=True):
    lines = [f"{method} {path} HTTP/1.1", "Host: localhost"]
    lines += list(headers)
    payload = b""
    if body is not None:
        payload = body if isinstance(body, bytes) else dump(body)
        lines += ["Content-Type: application/json", f"Content-Length: {expanded_length(payload)}"]
    if close:
        lines.append("Connection: close")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + payload


def bearer(token=ADMIN):
    return f"Authorization: Bearer {token}"


def key(n):
    return f"Idempotency-Key: fuzz-key-{n:04d}-0000-0000-000000000000"


STAFF = [bearer()]
OPS_H = [bearer(OPS)]
HTTP = {
    "health": request("GET", "/api/v1/health"),
    "bootstrap": request("GET", "/api/v1/landing/bootstrap", headers=["Accept-Language: en-US,en;q=0.9"]),
    "bootstrap-revalidate": request("GET", "/api/v1/landing/bootstrap", headers=['If-None-Match: "x"']),
    "openapi": request("GET", "/api/v1/openapi.json"),
    "operator-logo": request("GET", "/api/v1/landing/operator-logo"),
    "portal-page": request("GET", "/", headers=["Accept-Encoding: br, gzip"]),
    "portal-js-gzip": request("GET", "/portal.js", headers=["Accept-Encoding: gzip"]),
    "portal-wasm-range": request("GET", "/portal.wasm", headers=["Range: bytes=0-10"]),
    "head-health": request("HEAD", "/api/v1/health"),
    "options": request("OPTIONS", "/api/v1/offers"),
    "not-found": request("GET", "/api/v1/nope"),
    "draft-create": request("POST", "/api/v1/landing/drafts", DRAFT),
    "draft-get-unknown": request("GET", "/api/v1/landing/drafts/drf_doesnotexist0000000000000"),
    "draft-put-unknown": request("PUT", "/api/v1/landing/drafts/drf_nope", DRAFT),
    "submit-new": request("POST", "/api/v1/landing/submit/new", SIGNUP, [key(1)]),
    "submit-new-internet": request("POST", "/api/v1/landing/submit/new", SIGNUP_INTERNET, [key(2)]),
    "submit-new-no-key": request("POST", "/api/v1/landing/submit/new", SIGNUP),
    "submit-new-malformed": request("POST", "/api/v1/landing/submit/new", b'{"cin": ', [key(3)]),
    "submit-new-text-plain": request("POST", "/api/v1/landing/submit/new", b"cin=AB", [key(4), "Content-Type: text/plain"]),
    "verify-cin": request("POST", "/api/v1/landing/clients/verify-cin", VERIFY),
    "verify-cin-device": request("POST", "/api/v1/landing/clients/verify-cin", VERIFY, [f"Cookie: isp_device={DEVICE}"]),
    "verify-cin-wrong": request("POST", "/api/v1/landing/clients/verify-cin", {"cin": "AB123456", "service_identifier": "0699999999"}),
    "subscriptions": request("GET", f"/api/v1/landing/clients/AB123456/subscriptions?lookup_token={AMINA}"),
    "subscriptions-expired": request("GET", f"/api/v1/landing/clients/AB123456/subscriptions?lookup_token={EXPIRED}"),
    "subscriptions-mismatch": request("GET", f"/api/v1/landing/clients/BE654321/subscriptions?lookup_token={AMINA}"),
    "landing-invoices": request("GET", f"/api/v1/landing/clients/BE654321/invoices?lookup_token={YOUSSEF}&status=overdue&page=1&per_page=5"),
    "landing-invoice-document": request("GET", "/api/v1/landing/invoices/$INV1$/document?token=$INVTOKEN1$"),
    "document-link": request("POST", "/api/v1/landing/contracts/ctr_demo_amina/document-link", DOC_LINK_BODY),
    "document-link-proof": request("POST", "/api/v1/landing/contracts/ctr_demo_amina/document-link", DOC_LINK_PROOF),
    "contract-document": request("GET", f"/api/v1/landing/contracts/ctr_demo_amina/document?token={DOC_LINK}"),
    "contract-document-forged": request("GET", "/api/v1/landing/contracts/ctr_demo_amina/document?token=1.1795428900.AAAA"),
    "plan-change": request("POST", "/api/v1/landing/submit/plan-change", PLAN_CHANGE, [key(5)]),
    "me": request("GET", "/api/v1/me", headers=STAFF),
    "me-revoked": request("GET", "/api/v1/me", headers=[bearer(REVOKED)]),
    "me-proxy-actor": request("GET", "/api/v1/me", headers=["X-Actor-Id: agent", "X-Actor-Roles: ops"]),
    "admin-ping-ops": request("GET", "/api/v1/admin/ping", headers=OPS_H),
    "offers-page": request("GET", "/api/v1/offers?per_page=3&page=2", headers=STAFF),
    "offers-create": request("POST", "/api/v1/offers", OFFER, STAFF),
    "offers-replace": request("PUT", "/api/v1/offers/ofr_mobile_essentiel", dict(OFFER, family="mobile"), STAFF),
    "offers-delete": request("DELETE", "/api/v1/offers/ofr_landline_monde", headers=STAFF),
    "offer-get": request("GET", "/api/v1/offers/ofr_mobile_confort", headers=OPS_H),
    "offer-categories": request("GET", "/api/v1/offer-categories", headers=OPS_H),
    "customers-search": request("GET", "/api/v1/customers?q=06%2012&per_page=2&page=1", headers=STAFF),
    "customers-create": request("POST", "/api/v1/customers", CUSTOMER, OPS_H),
    "customer-replace": request("PUT", "/api/v1/customers/cli_demo_amina", dict(CUSTOMER, cin="AB123456"), STAFF),
    "customer-delete": request("DELETE", "/api/v1/customers/cli_demo_helene", headers=STAFF),
    "contracts-provision": request("POST", "/api/v1/contracts/provision", PROVISION, STAFF + ["X-Actor-Id: agent-7"]),
    "contracts-manual": request("POST", "/api/v1/contracts", MANUAL, STAFF),
    "contracts-list": request("GET", "/api/v1/contracts?client_id=cli_demo_amina&status=active&service=mobile", headers=STAFF),
    "contract-get": request("GET", "/api/v1/contracts/ctr_demo_amina", headers=STAFF),
    "contract-status": request("PUT", "/api/v1/contracts/ctr_demo_amina/status", STATUS, STAFF),
    "contract-offer": request("PUT", "/api/v1/contracts/ctr_demo_amina/offer", PLAN, STAFF),
    "contract-audit": request("GET", "/api/v1/contracts/ctr_demo_amina/audit", headers=STAFF),
    "contract-documents": request("GET", "/api/v1/contracts/ctr_demo_amina/documents/1", headers=STAFF),
    "billing-run": request("POST", "/api/v1/billing/runs", BILLING, STAFF + [key(6)]),
    "billing-run-future": request("POST", "/api/v1/billing/runs", {"period": "2027-01"}, STAFF + [key(7)]),
    "invoices-list": request("GET", "/api/v1/invoices?client_id=cli_demo_youssef&status=overdue&per_page=4", headers=STAFF),
    "invoice-get": request("GET", "/api/v1/invoices/$INV1$", headers=STAFF),
    "invoice-pdf": request("GET", "/api/v1/invoices/$INV3$/pdf", headers=STAFF),
    "payment": request("POST", "/api/v1/collections/payments", PAYMENT, STAFF + [key(8)]),
    "payments-list": request("GET", "/api/v1/collections/payments?method=cash&from=2026-01-01&to=2026-12-31", headers=STAFF),
    "approve-paid": request("POST", "/api/v1/collections/invoices/$INV2$/approve-paid", APPROVE, STAFF + [key(9)]),
    "collections-overview": request("GET", "/api/v1/collections/overview?currency=MAD", headers=STAFF),
    "cases-list": request("GET", "/api/v1/collections/cases?status=open&min_days_overdue=1", headers=STAFF),
    "case-get": request("GET", "/api/v1/collections/cases/$CASE1$", headers=STAFF),
    "case-action": request("POST", "/api/v1/collections/cases/$CASE1$/actions", ACTION, STAFF),
    "case-status": request("PUT", "/api/v1/collections/cases/$CASE1$/status", CASE_STATUS, STAFF),
    # Framing: keep-alive, pipelining, chunked bodies, conflicting lengths, odd request lines.
    "pipelined": request("GET", "/api/v1/health", close=False) + request("POST", "/api/v1/landing/clients/verify-cin", VERIFY, close=False)
    + request("GET", "/api/v1/me", headers=STAFF),
    "chunked": b"POST /api/v1/landing/drafts HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
    b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n7\r\n{\"form\"\r\n6\r\n: {}}\n\r\n0\r\n\r\n",
    "length-and-chunked": b"POST /api/v1/landing/drafts HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n"
    b"Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
    "short-body": b"POST /api/v1/offers HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{}",
    "expect-continue": request("POST", "/api/v1/landing/drafts", DRAFT, ["Expect: 100-continue"]),
    "http10": b"GET /api/v1/health HTTP/1.0\r\n\r\n",
    "bare-lf": b"GET /api/v1/health HTTP/1.1\nHost: x\n\n",
    "bad-version": b"GET /api/v1/health HTTP/9.9\r\n\r\n",
    "encoded-path": request("GET", "/api/v1/offers/%6Ffr_mobile_confort%00?x=%ZZ", headers=STAFF),
    "forwarded-for": request("POST", "/api/v1/landing/clients/verify-cin", VERIFY, ["X-Forwarded-For: 10.0.0.1, 192.0.2.7"]),
    "long-header": request("GET", "/api/v1/health", headers=["X-Long: " + "a" * 3000]),
}


# --- tokens: "<token>" or "<token>\n<subject>" -----------------------------------------
TOKENS = {
    "lookup-amina": AMINA, "lookup-youssef": YOUSSEF + "\nBE654321", "lookup-expired": EXPIRED,
    "lookup-wrong-cin": AMINA + "\nBE654321", "contract-link": DOC_LINK,
    "contract-link-v2": contract_link_token("ctr_demo_amina", 2),
    "contract-link-expired": contract_link_token("ctr_demo_amina", 1, NOW - 10),
    "contract-link-other": contract_link_token("ctr_demo_youssef", 1) + "\nctr_demo_youssef",
    "invoice-link": sign("invoice-document", "inv_fuzz", NOW + 86400),
    "device": DEVICE, "staff-admin": ADMIN, "staff-revoked": REVOKED, "staff-ops-unknown": OPS,
    "roles": "admin, ops", "roles-dup": "ops,ops,admin", "empty": "", "dots": "...",
    "leading-zero": "0" + sign("invoice-document", "inv_fuzz", NOW + 86400),
}


# --- domain rules: one value, or "<value>\n<value>" --------------------------------------
DOMAIN = {
    "cin": "ab 123456", "cin-dashes": "BK-654.321", "phone-national": "06 12 34 56 78", "phone-e164": "+212 612-345678",
    "phone-00": "00212612345678", "landline": "(0522) 12.34.56", "email": "  Karim.Tazi@Example.MA ",
    "email-bad": "a@b@c.d", "line-reference": "ftth-a00001", "utf8-names": "Élodie Çakır-Ñúñez Łukasz Øster",
    "utf8-edge": "\u00a0\u0080\u07ff\u0800\uffff\U00010000\U0010ffff", "date": "2026-02-28", "date-leap": "2028-02-29",
    "search": "+212 612", "family": "internet", "cin-and-phone": "X98765\n0612345678",
}
DOMAIN_RAW = {
    "overlong": b"\xc0\xaf\xe0\x80\xaf", "surrogate": b"\xed\xa0\x80", "beyond": b"\xf4\x90\x80\x80",
    "truncated": b"abc\xe2\x82", "controls": b"a\x00b\x7f\xc2\x85\t\r\n",
}


# --- PDF documents: flags byte, 48 bytes of numbers, texts separated by 0x1F ---------------
def pdf_input(flags, numbers, texts):
    head = bytes([flags]) + bytes(numbers).ljust(48, b"\x00")[:48]
    return head + b"\x1f".join(t.encode() if isinstance(t, str) else t for t in texts)


CONTRACT_NUMBERS = struct.pack("<HBBBIIH", 2400, 12, 1, 1, 0x0D4A87, 129900, 2000)
INVOICE_NUMBERS = struct.pack("<HIB", 82, 0x8A1538, 15) + b"".join(
    struct.pack("<BIH", d, p, 2000) for d, p in ((14, 49900), (17, 129900), (0, 9900))) + b"\x80"
LATIN = ["Élodie", "Çakır-Ñúñez Łukasz Øster", "7 rue des Érables, Agdal, 10090 Rabat", "elodie.cakir@example.ma",
         "BK123456", "+212612345678", "Fibre Max 1 Gb/s", "Fibre optique jusqu’à 1 Gb/s, box Wi-Fi 6 incluse.",
         "0522 12 34 56", "CTR-2026-000001",
         "Article 1. Le présent contrat prend effet à la date de début indiquée.\n\nArticle 2. Les factures sont émises chaque mois.",
         "Atlas Net SARL", "12 boulevard Zerktouni\n20250 Casablanca", "RC 123456 · IF 1234567", "Service client 0800"]
SCRIPTS = ["محمد", "العلوي بن عبد الله", "شارع محمد الخامس، الرباط", "x@example.ma", "AB123456", "+212612345678",
           "光纤 1000M 🚀", "Описание тарифа — ∞ ГБ\u0000\u0007", "ftth-a00001", "CTR-2026-000002",
           "Ⅰ. ＴＥＲＭＳ\r\n\u202e\u200dמסמך\n" + "word " * 400, "Ὀδυσσεύς", "\u00a0", "ⵜⴰⵎⴰⵣⵉⵖⵜ", "🇲🇦"]
INVOICE_TEXTS = ["Hélène François-Østergaard", "3, place des Nations Unies, Casablanca", "helene.f@example.com",
                 "X98765", "CTR-2026-000003", "+212522445566", "FAC-2026-000042",
                 "Virement : RIB 011 780 0000123456789012 34 (Banque Atlas).\nEspèces ou carte dans nos agences.",
                 "Tout retard de paiement entraîne une pénalité de 1,5 % par mois.", "Atlas Net SARL", "Casablanca",
                 "RC 1", "footer", "Fibre 100 Mb/s", "Fibre Max 1 Gb/s", "Fixe Local"]
PDF = {
    "contract-fr": pdf_input(0x00, CONTRACT_NUMBERS, LATIN),
    "contract-en-logo-twice": pdf_input(0x0E, CONTRACT_NUMBERS, LATIN),
    "contract-scripts": pdf_input(0x04, CONTRACT_NUMBERS, SCRIPTS),
    "contract-long-terms": pdf_input(0x06, CONTRACT_NUMBERS, LATIN[:10] + ["Article. " + "Lorem ipsum dolor sit amet. " * 60 + "\n" * 3] * 1),
    "contract-defaults": pdf_input(0x00, b"", []),
    "invoice-fr-3-lines": pdf_input(0x31, INVOICE_NUMBERS, INVOICE_TEXTS),
    "invoice-en-logo": pdf_input(0x27, INVOICE_NUMBERS, INVOICE_TEXTS),
    "invoice-scripts": pdf_input(0x51, INVOICE_NUMBERS, SCRIPTS),
    "invoice-no-lines": pdf_input(0x09, INVOICE_NUMBERS, INVOICE_TEXTS[:9]),
}


# --- dictionaries (libFuzzer -dict=): tests/fuzz/dict/<harness>.dict ---------------------
KEYS = """accent active address amount amount_minor billing_run_id cin client client_id code commitment_end
commitment_months contract contract_id contract_number contract_start_date created_at currency days
days_in_period description document_version draft_id due_date effective_date email family field first_name
footer form from_date invoice_id invoice_number issue_date issuer kind language last_name legal_ids
legal_mentions line_no lines lookup_token message method min_days_overdue monthly_price name note offer
offer_id offer_name outstanding page paid payment_instructions per_page period period_end period_start phone
provisioning_intent reason received_on reference service service_identifier status step subscriber subtotal
target_offer_id tax tax_rate_bp to_date token total updated_at""".split()
VALUES = """mobile internet landline active suspended terminated open in_progress promise_to_pay closed paid
partially_paid overdue cash card bank_transfer cheque direct_debit mobile_money call sms email letter note fr en
MAD EUR auto details review 2026-11 2026-11-23 2026-12-01 2026-02-29 AB123456 +212612345678 0612345678
0522123456 ftth-a00001 ofr_mobile_confort ofr_mobile_illimite ofr_internet_fibre100 ofr_landline_local
cli_demo_amina cli_demo_youssef ctr_demo_amina""".split()
JSON_SYNTAX = ["{", "}", "[", "]", ":", ",", '"', '\\"', "\\u0000", "\\ud800", "\\u00e9", "true", "false", "null",
               "-0", "1e999", "9223372036854775807", "18446744073709551616", "-9223372036854775809", "0.5e-400",
               '{"":', '":"', '":{', '":[', "\ufeff"]
HTTP_TOKENS = ["GET ", "POST ", "PUT ", "DELETE ", "HEAD ", "OPTIONS ", "PATCH ", "CONNECT ", " HTTP/1.1\r\n",
               " HTTP/1.0\r\n", "\r\n", "\r\n\r\n", "Host: x\r\n", "Content-Length: ", "Transfer-Encoding: chunked\r\n",
               "Content-Type: application/json\r\n", "Content-Type: text/plain\r\n", "Connection: close\r\n",
               "Connection: keep-alive\r\n", "Expect: 100-continue\r\n", "Accept-Encoding: br, gzip\r\n",
               "Accept-Language: en\r\n", "If-None-Match: ", "Range: bytes=", "Cookie: isp_device=",
               "X-Forwarded-For: ", "X-Actor-Id: ", "X-Actor-Roles: admin,ops\r\n", "Idempotency-Key: ",
               "Authorization: Bearer ", ADMIN, OPS, "0\r\n\r\n", "?lookup_token=", "?token=", "&page=",
               "&per_page=", "?q=", "%00", "%2F", "$INV1$", "$INV2$", "$INV3$", "$CASE1$", "$INVTOKEN1$"]
PATHS = """/api/v1/health /api/v1/landing/bootstrap /api/v1/openapi.json /api/v1/landing/operator-logo
/api/v1/landing/drafts /api/v1/landing/drafts/ /api/v1/landing/submit/new /api/v1/landing/submit/plan-change
/api/v1/landing/clients/verify-cin /api/v1/landing/clients/AB123456/subscriptions
/api/v1/landing/clients/BE654321/invoices /api/v1/landing/contracts/ctr_demo_amina/document-link
/api/v1/landing/contracts/ctr_demo_amina/document /api/v1/landing/invoices/ /api/v1/me /api/v1/admin/ping
/api/v1/offers /api/v1/offers/ /api/v1/offer-categories /api/v1/offer-families /api/v1/customers
/api/v1/customers/ /api/v1/contracts /api/v1/contracts/ /api/v1/contracts/provision /status /offer /audit
/documents /document /pdf /actions /api/v1/billing/runs /api/v1/invoices /api/v1/invoices/
/api/v1/collections/payments /api/v1/collections/invoices/ /approve-paid /api/v1/collections/overview
/api/v1/collections/cases /api/v1/collections/cases/ /portal.js /portal.wasm /index.html""".split()
TOKEN_WORDS = ["cli_demo_amina.", "cli_", "ctr_demo_amina", "1795428900.", "1795427999.", "pst_", "stk_",
               "pst_stk_fuzzadmin_", "admin", "ops", ",", "\n", "AB123456", "inv_fuzz", "#1"]


def dict_entry(name, text):
    out = ""
    for b in text.encode():
        c = chr(b)
        out += "\\" + c if c in '\\"' else c if 0x20 <= b < 0x7F else "\\x%02X" % b
    return f'{name}="{out}"\n'


def write_dicts():
    os.makedirs(os.path.join(HERE, "dict"), exist_ok=True)
    members = [dict_entry(f"key_{k}", f'"{k}":') for k in KEYS]
    values = [dict_entry("value_" + "".join(c if c.isalnum() else "_" for c in v), f'"{v}"') for v in VALUES]
    dicts = {
        "json": ["# JSON bodies (fuzz_json_bodies.cpp): syntax, the member names and values the readers know.\n"]
        + [dict_entry(f"syntax_{i}", t) for i, t in enumerate(JSON_SYNTAX)] + members + values,
        "http": ["# Raw requests (fuzz_http.cpp): methods, headers, paths, known staff tokens, markers, JSON members.\n"]
        + [dict_entry(f"http_{i}", t) for i, t in enumerate(HTTP_TOKENS)]
        + [dict_entry(f"path_{i}", p) for i, p in enumerate(PATHS)] + members + values,
        "tokens": ["# Tokens (fuzz_tokens.cpp).\n"] + [dict_entry(f"tok_{i}", t) for i, t in enumerate(TOKEN_WORDS)],
    }
    for name, lines in dicts.items():
        with open(os.path.join(HERE, "dict", name + ".dict"), "w") as f:
            f.writelines(lines)
        print(f"dict/{name}.dict: {len(lines) - 1} entries")


def write(harness, files):
    out = os.path.join(CORPUS, harness)
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    total = 0
    for name, data in sorted(files.items()):
        if isinstance(data, str):
            data = data.encode()
        elif not isinstance(data, bytes):
            data = dump(data)
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
        total += len(data)
    return len(files), total


def main():
    json_seeds = dict(JSON_BODIES)
    json_seeds.update({"raw-" + k: v for k, v in JSON_RAW.items()})
    domain = dict(DOMAIN)
    domain.update({"raw-" + k: v for k, v in DOMAIN_RAW.items()})
    for harness, files in (("http", HTTP), ("json_bodies", json_seeds), ("tokens", TOKENS),
                           ("domain_rules", domain), ("pdf_documents", PDF)):
        n, size = write(harness, files)
        print(f"corpus/{harness}: {n} files, {size} bytes")
    write_dicts()


if __name__ == "__main__":
    main()
