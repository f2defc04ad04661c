// A client's own invoices on the landing page (process map P13) and the staff invoice PDF
// (P12): GET /landing/clients/{cin}/invoices (lookup token of this client), GET
// /landing/invoices/{invoice_id}/document (signed token bound to one invoice), GET
// /invoices/{invoice_id}/pdf (staff). Invoices are made with the real staff API (billing
// runs, payments) on chosen dates; every answer is checked against the OpenAPI description.
#include <doctest/doctest.h>

#include <set>
#include <vector>

#include "../support/openapi_check.h"
#include "../support/problem_check.h"
#include "../support/test_server.h"

using namespace isp::test;

namespace {

constexpr std::int64_t day = 86400;
// Dates at 10:00 UTC, counted back from the default 2026-11-23.
constexpr std::int64_t sep_5 = default_now - 79 * day;
constexpr std::int64_t oct_5 = default_now - 49 * day;
constexpr std::int64_t nov_5 = default_now - 18 * day;
constexpr std::int64_t nov_10 = default_now - 13 * day;
constexpr std::int64_t nov_21 = default_now - 2 * day;

void bill(httplib::Client& c, const std::string& token, const std::string& period) {
    httplib::Headers h = bearer(token);
    h.emplace("Idempotency-Key", new_key());
    auto res = c.Post("/api/v1/billing/runs", h, nlohmann::json{{"period", period}}.dump(), "application/json");
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 201, res->body);
    CHECK(body_json(res)["invoice_count"] == 3);
}

void pay(httplib::Client& c, const std::string& token, const std::string& invoice_id, std::int64_t amount_minor) {
    httplib::Headers h = bearer(token);
    h.emplace("Idempotency-Key", new_key());
    const nlohmann::json body = {{"invoice_id", invoice_id},
                                 {"amount", {{"amount_minor", amount_minor}, {"currency", "MAD"}}},
                                 {"method", "cash"}};
    auto res = c.Post("/api/v1/collections/payments", h, body.dump(), "application/json");
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 201, res->body);
}

std::string lookup_token(httplib::Client& c, const std::string& cin, const std::string& line) {
    auto res = c.Post("/api/v1/landing/clients/verify-cin",
                      nlohmann::json{{"cin", cin}, {"service_identifier", line}}.dump(), "application/json");
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 200, res->body);
    return body_json(res)["lookup_token"];
}

// Every answer of the list, whatever it is, is checked against the description.
httplib::Result invoices(httplib::Client& c, const std::string& cin, const std::string& token,
                         const std::string& query = "") {
    auto res = c.Get("/api/v1/landing/clients/" + cin + "/invoices?lookup_token=" + token + query);
    REQUIRE(res);
    for (const auto& problem : served_description(c).check("get", "/landing/clients/{cin}/invoices", *res))
        FAIL_CHECK(problem);
    return res;
}

nlohmann::json invoices_ok(httplib::Client& c, const std::string& cin, const std::string& token,
                           const std::string& query = "") {
    auto res = invoices(c, cin, token, query);
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 200, res->body);
    CHECK(res->get_header_value("Content-Type") == "application/json");
    return body_json(res);
}

std::vector<std::string> numbers_of(const nlohmann::json& page) {
    std::vector<std::string> out;
    for (const auto& i : page["data"])
        out.push_back(i["invoice_number"]);
    return out;
}

std::string forged(std::string token) {
    token.back() = token.back() == 'A' ? 'B' : 'A';
    return token;
}

// Amina's invoices, by month, and the staff token that made them.
struct Billed {
    std::string ops;
    nlohmann::json aug, sep, oct; // staff GET /invoices/{id} as of the day they were read
};

// Bills August, September and October 2026 on the 5th of the next month (three demo
// contracts each: nine invoices), pays Amina's August in full and 50.00 MAD of her
// September, and leaves the clock on 2026-11-10.
Billed bill_three_months(TestServer& server, httplib::Client& c) {
    Billed b;
    b.ops = create_staff_token(server, "ops");
    server.clock().set(sep_5);
    bill(c, b.ops, "2026-08");
    server.clock().set(oct_5);
    bill(c, b.ops, "2026-09");
    server.clock().set(nov_5);
    bill(c, b.ops, "2026-10");
    server.clock().set(nov_10);
    auto list = body_json(c.Get("/api/v1/invoices?client_id=cli_demo_amina", bearer(b.ops)));
    REQUIRE(list["data"].size() == 3);
    for (const auto& i : list["data"]) {
        auto one = c.Get("/api/v1/invoices/" + i["invoice_id"].get<std::string>(), bearer(b.ops));
        REQUIRE(one->status == 200);
        const auto j = body_json(one);
        (j["period"] == "2026-08" ? b.aug : j["period"] == "2026-09" ? b.sep : b.oct) = j;
    }
    REQUIRE(b.aug["period"] == "2026-08");
    REQUIRE(b.sep["period"] == "2026-09");
    REQUIRE(b.oct["period"] == "2026-10");
    pay(c, b.ops, b.aug["invoice_id"].get<std::string>(), 3449);
    pay(c, b.ops, b.sep["invoice_id"].get<std::string>(), 5000);
    return b;
}

// The landing invoice is the staff one without billing_run_id, with a signed link.
nlohmann::json as_staff_sees(nlohmann::json landing) {
    landing.erase("document_download_url");
    landing.erase("document_url_expires_at");
    return landing;
}

nlohmann::json without_run(nlohmann::json staff) {
    staff.erase("billing_run_id");
    return staff;
}

} // namespace

TEST_CASE("landing invoices: a client sees exactly her own invoices, newest first, with lines, status and totals") {
    TestServer server;
    auto c = server.client();
    const Billed b = bill_three_months(server, c);
    const std::string token = lookup_token(c, "AB123456", "06 12 34 56 78");

    // 2026-11-10: August paid, September partly paid and past due (2026-10-20), October open (due 2026-11-20).
    auto page = invoices_ok(c, "ab-123456", token); // the CIN as typed
    CHECK(page["pagination"] == nlohmann::json{{"page", 1}, {"per_page", 20}, {"total", 3}, {"total_pages", 1}});
    REQUIRE(page["data"].size() == 3);
    const auto& oct = page["data"][0];
    const auto& sep = page["data"][1];
    const auto& aug = page["data"][2];
    CHECK(numbers_of(page) == std::vector<std::string>{b.oct["invoice_number"].get<std::string>(),
                                                       b.sep["invoice_number"].get<std::string>(),
                                                       b.aug["invoice_number"].get<std::string>()});
    std::set<std::string> ids;
    for (const auto& i : page["data"]) {
        CHECK(i["client_id"] == "cli_demo_amina");
        CHECK(i["contract_id"] == "ctr_demo_amina");
        CHECK(i["client"]["cin"] == "AB123456");
        CHECK(!i.contains("billing_run_id"));
        ids.insert(i["invoice_id"].get<std::string>());
    }
    CHECK(ids == std::set<std::string>{b.aug["invoice_id"].get<std::string>(), b.sep["invoice_id"].get<std::string>(),
                                       b.oct["invoice_id"].get<std::string>()});

    // August: from the contract's start, 9 of 31 days of Mobile Confort (99.00 MAD HT a month); paid.
    CHECK(aug["period_start"] == "2026-08-23");
    CHECK(aug["period_end"] == "2026-08-31");
    CHECK(aug["issue_date"] == "2026-09-05");
    CHECK(aug["due_date"] == "2026-09-20");
    CHECK(aug["status"] == "paid");
    REQUIRE(aug["lines"].size() == 1);
    CHECK(aug["lines"][0]["offer_id"] == "ofr_mobile_confort");
    CHECK(aug["lines"][0]["offer_name"] == "Mobile Confort");
    CHECK(aug["lines"][0]["service_identifier"] == "+212612345678");
    CHECK(aug["lines"][0]["from_date"] == "2026-08-23");
    CHECK(aug["lines"][0]["to_date"] == "2026-08-31");
    CHECK(aug["lines"][0]["days"] == 9);
    CHECK(aug["lines"][0]["days_in_period"] == 31);
    CHECK(aug["lines"][0]["amount"]["amount_minor"] == 2874); // 9900 * 9 / 31 = 2874.19
    CHECK(aug["lines"][0]["tax"]["amount_minor"] == 575);     // 574.8
    CHECK(aug["subtotal"]["amount_minor"] == 2874);
    CHECK(aug["tax"]["amount_minor"] == 575);
    CHECK(aug["total"] == nlohmann::json{{"amount_minor", 3449}, {"currency", "MAD"}});
    CHECK(aug["paid"]["amount_minor"] == 3449);
    CHECK(aug["outstanding"]["amount_minor"] == 0);

    // September: the whole month; 50.00 MAD paid, the rest past due: overdue.
    CHECK(sep["status"] == "overdue");
    REQUIRE(sep["lines"].size() == 1);
    CHECK(sep["lines"][0]["days"] == 30);
    CHECK(sep["lines"][0]["days_in_period"] == 30);
    CHECK(sep["subtotal"]["amount_minor"] == 9900);
    CHECK(sep["tax"]["amount_minor"] == 1980);
    CHECK(sep["total"]["amount_minor"] == 11880);
    CHECK(sep["paid"]["amount_minor"] == 5000);
    CHECK(sep["outstanding"]["amount_minor"] == 6880);

    // October: not due yet.
    CHECK(oct["status"] == "open");
    CHECK(oct["due_date"] == "2026-11-20");
    CHECK(oct["lines"][0]["days"] == 31);
    CHECK(oct["total"]["amount_minor"] == 11880);
    CHECK(oct["outstanding"]["amount_minor"] == 11880);

    // The same invoices as the staff read them (lines included), and a signed link each.
    for (const auto& i : page["data"]) {
        auto staff = body_json(c.Get("/api/v1/invoices/" + i["invoice_id"].get<std::string>(), bearer(b.ops)));
        CHECK(as_staff_sees(i) == without_run(staff));
        const std::string url = i["document_download_url"];
        CHECK(url.rfind("/api/v1/landing/invoices/" + i["invoice_id"].get<std::string>() + "/document?token=", 0) == 0);
        CHECK(i["document_url_expires_at"] == "2026-11-11T10:00:00Z"); // 24 hours
    }

    // Youssef sees his three, none of Amina's.
    const auto y = invoices_ok(c, "BE654321", lookup_token(c, "BE654321", "05 35 12 34 56"));
    REQUIRE(y["data"].size() == 3);
    for (const auto& i : y["data"]) {
        CHECK(i["client_id"] == "cli_demo_youssef");
        CHECK(ids.count(i["invoice_id"].get<std::string>()) == 0);
    }

    // 2026-11-21: October is past its due date too.
    server.clock().set(nov_21);
    const std::string later = lookup_token(c, "AB123456", "0612345678");
    page = invoices_ok(c, "AB123456", later);
    CHECK(page["data"][0]["status"] == "overdue");
    CHECK(page["data"][1]["status"] == "overdue");
    CHECK(page["data"][2]["status"] == "paid");
}

TEST_CASE("landing invoices: status filter (overdue derived on the clock), a bad status, pagination") {
    TestServer server;
    auto c = server.client();
    const Billed b = bill_three_months(server, c);
    const std::string token = lookup_token(c, "AB123456", "0612345678");
    using V = std::vector<std::string>;
    const std::string aug = b.aug["invoice_number"].get<std::string>();
    const std::string sep = b.sep["invoice_number"].get<std::string>();
    const std::string oct = b.oct["invoice_number"].get<std::string>();

    CHECK(numbers_of(invoices_ok(c, "AB123456", token, "&status=paid")) == V{aug});
    CHECK(numbers_of(invoices_ok(c, "AB123456", token, "&status=overdue")) == V{sep});
    CHECK(numbers_of(invoices_ok(c, "AB123456", token, "&status=open")) == V{oct});
    // September is partly paid but shown (and filtered) as overdue.
    auto partial = invoices_ok(c, "AB123456", token, "&status=partially_paid");
    CHECK(partial["data"].empty());
    CHECK(partial["pagination"]["total"] == 0);

    // Before September's due date it was partially_paid; after October's, both are overdue.
    server.clock().set(oct_5 + 10 * day); // 2026-10-15
    const std::string early = lookup_token(c, "AB123456", "0612345678");
    CHECK(numbers_of(invoices_ok(c, "AB123456", early, "&status=partially_paid")) == V{sep});
    CHECK(invoices_ok(c, "AB123456", early, "&status=overdue")["data"].empty());
    server.clock().set(nov_21);
    const std::string late = lookup_token(c, "AB123456", "0612345678");
    const auto overdue = invoices_ok(c, "AB123456", late, "&status=overdue");
    CHECK(numbers_of(overdue) == V{oct, sep});
    CHECK(overdue["pagination"]["total"] == 2);
    CHECK(invoices_ok(c, "AB123456", late, "&status=open")["data"].empty());

    // An unknown status: 400 with a field error.
    auto bad = invoices(c, "AB123456", late, "&status=late");
    check_problem(bad, 400, "validation_failed");
    REQUIRE(body_json(bad)["errors"].size() == 1);
    CHECK(body_json(bad)["errors"][0]["field"] == "status");
    check_problem(invoices(c, "AB123456", late, "&status="), 400, "validation_failed");

    // Pages, newest first.
    auto p1 = invoices_ok(c, "AB123456", late, "&per_page=2");
    CHECK(p1["pagination"] == nlohmann::json{{"page", 1}, {"per_page", 2}, {"total", 3}, {"total_pages", 2}});
    CHECK(numbers_of(p1) == V{oct, sep});
    auto p2 = invoices_ok(c, "AB123456", late, "&per_page=2&page=2");
    CHECK(numbers_of(p2) == V{aug});
    CHECK(p2["data"][0]["lines"].size() == 1);
    CHECK(invoices_ok(c, "AB123456", late, "&per_page=2&page=3")["data"].empty());
    CHECK(numbers_of(invoices_ok(c, "AB123456", late, "&status=overdue&per_page=1&page=2")) == V{sep});
    check_problem(invoices(c, "AB123456", late, "&per_page=0"), 400, "validation_failed");
    check_problem(invoices(c, "AB123456", late, "&per_page=101"), 400, "validation_failed");
    check_problem(invoices(c, "AB123456", late, "&page=x"), 400, "validation_failed");
}

TEST_CASE("landing invoices: the PDF behind document_download_url shows the invoice as billed") {
    TestServer server;
    auto c = server.client();
    const Billed b = bill_three_months(server, c);
    const std::string token = lookup_token(c, "AB123456", "0612345678");
    const auto page = invoices_ok(c, "AB123456", token);
    const auto& sep = page["data"][1];
    const auto& aug = page["data"][2];

    auto pdf = c.Get(sep["document_download_url"].get<std::string>());
    REQUIRE(pdf);
    REQUIRE(pdf->status == 200);
    CHECK(pdf->get_header_value("Content-Type") == "application/pdf");
    CHECK(pdf->get_header_value("Cache-Control") == "private, no-store");
    CHECK(pdf->body.rfind("%PDF-", 0) == 0);
    std::string text = pdftotext(pdf->body, "landing_invoice_september");
    INFO(text);
    CHECK(text.find(sep["invoice_number"].get<std::string>()) != std::string::npos);
    CHECK(text.find("Amina El Idrissi") != std::string::npos);
    CHECK(text.find("AB123456") != std::string::npos);
    CHECK(text.find("Mobile Confort") != std::string::npos);
    CHECK(text.find("30 / 30") != std::string::npos);    // days billed / days in the month
    CHECK(text.find("118,80 MAD") != std::string::npos); // total incl. tax
    CHECK(text.find("Reste \u00e0 payer") != std::string::npos);
    CHECK(text.find("68,80 MAD") != std::string::npos); // amount due after 50.00 MAD paid

    pdf = c.Get(aug["document_download_url"].get<std::string>());
    REQUIRE(pdf->status == 200);
    text = pdftotext(pdf->body, "landing_invoice_august");
    INFO(text);
    CHECK(text.find(aug["invoice_number"].get<std::string>()) != std::string::npos);
    CHECK(text.find("Mobile Confort") != std::string::npos);
    CHECK(text.find("9 / 31") != std::string::npos);
    CHECK(text.find("23 ao\u00fbt 2026") != std::string::npos);
    CHECK(text.find("34,49 MAD") != std::string::npos);

    // The staff PDF of the same invoice is the same document.
    auto staff = c.Get("/api/v1/invoices/" + b.aug["invoice_id"].get<std::string>() + "/pdf", bearer(b.ops));
    REQUIRE(staff->status == 200);
    CHECK(staff->get_header_value("Content-Type") == "application/pdf");
    CHECK(staff->body == pdf->body);
}

TEST_CASE("landing invoices: the lookup token must be this client's, valid and fresh") {
    TestServer server;
    auto c = server.client();
    bill_three_months(server, c);
    const OpenApi api = served_description(c);
    const std::string path = "/landing/clients/{cin}/invoices";
    const std::string token = lookup_token(c, "AB123456", "0612345678");
    check_described(api, "get", path, invoices(c, "AB123456", token));

    SUBCASE("no token") {
        auto res = c.Get("/api/v1/landing/clients/AB123456/invoices");
        check_problem(res, 401, "lookup_token_invalid");
        check_described(api, "get", path, res);
        check_problem(invoices(c, "AB123456", ""), 401, "lookup_token_invalid");
    }
    SUBCASE("a forged token") {
        auto res = invoices(c, "AB123456", forged(token));
        check_problem(res, 401, "lookup_token_invalid");
        check_described(api, "get", path, res);
        // Another client's id in front of Amina's signature.
        std::string swapped = "cli_demo_youssef" + token.substr(token.find('.'));
        check_problem(invoices(c, "BE654321", swapped), 401, "lookup_token_invalid");
    }
    SUBCASE("a truncated token") {
        auto res = invoices(c, "AB123456", token.substr(0, token.size() - 6));
        check_problem(res, 401, "lookup_token_invalid");
        check_described(api, "get", path, res);
        check_problem(invoices(c, "AB123456", token.substr(0, token.find('.') + 1)), 401, "lookup_token_invalid");
    }
    SUBCASE("an expired token") {
        server.clock().advance(15 * 60 - 1);
        CHECK(invoices(c, "AB123456", token)->status == 200);
        server.clock().advance(1);
        auto res = invoices(c, "AB123456", token);
        check_problem(res, 401, "lookup_token_expired");
        check_described(api, "get", path, res);
    }
    SUBCASE("another client's valid token on this CIN; an unknown CIN gets the same answer") {
        const std::string youssef = lookup_token(c, "BE654321", "0535123456");
        auto other = invoices(c, "AB123456", youssef);
        check_problem(other, 403, "lookup_token_mismatch");
        check_described(api, "get", path, other);
        auto unknown = invoices(c, "ZZ999999", token);
        check_problem(unknown, 403, "lookup_token_mismatch");
        check_described(api, "get", path, unknown);
        auto a = body_json(other), u = body_json(unknown);
        a.erase("instance");
        u.erase("instance");
        a.erase("request_id"); // each answer has its own
        u.erase("request_id");
        CHECK(a == u);
        check_problem(invoices(c, "12", token), 403, "lookup_token_mismatch"); // not even a CIN
    }
    SUBCASE("a bad status and bad pages are described") {
        check_described(api, "get", path, invoices(c, "AB123456", token, "&status=late"));
        check_described(api, "get", path, invoices(c, "AB123456", token, "&per_page=0"));
    }
}

TEST_CASE("landing invoice documents: the token opens one invoice, until it expires") {
    TestServer server;
    auto c = server.client();
    const Billed b = bill_three_months(server, c);
    const OpenApi api = served_description(c);
    const std::string path = "/landing/invoices/{invoice_id}/document";
    const auto page = invoices_ok(c, "AB123456", lookup_token(c, "AB123456", "0612345678"));
    const std::string a_id = page["data"][0]["invoice_id"];
    const std::string b_id = page["data"][1]["invoice_id"];
    const std::string a_url = page["data"][0]["document_download_url"];
    const std::string a_token = a_url.substr(a_url.find("token=") + 6);
    const auto doc = [&](const std::string& id, const std::string& query) {
        return c.Get("/api/v1/landing/invoices/" + id + "/document" + query);
    };

    auto ok = c.Get(a_url);
    REQUIRE(ok->status == 200);
    CHECK(ok->get_header_value("Content-Type") == "application/pdf");
    check_described(api, "get", path, ok);

    SUBCASE("invoice A's token on invoice B") {
        auto res = doc(b_id, "?token=" + a_token);
        check_problem(res, 404, "document_link_invalid");
        check_described(api, "get", path, res);
        // Nor on another client's invoice.
        auto youssef = body_json(c.Get("/api/v1/invoices?client_id=cli_demo_youssef", bearer(b.ops)));
        check_problem(doc(youssef["data"][0]["invoice_id"].get<std::string>(), "?token=" + a_token), 404,
                      "document_link_invalid");
    }
    SUBCASE("a forged token") {
        auto res = doc(a_id, "?token=" + forged(a_token));
        check_problem(res, 404, "document_link_invalid");
        check_described(api, "get", path, res);
    }
    SUBCASE("a truncated token") {
        auto res = doc(a_id, "?token=" + a_token.substr(0, a_token.size() - 6));
        check_problem(res, 404, "document_link_invalid");
        check_described(api, "get", path, res);
    }
    SUBCASE("an expired token") {
        server.clock().advance(24 * 3600 - 1);
        CHECK(c.Get(a_url)->status == 200);
        server.clock().advance(1);
        auto res = c.Get(a_url);
        check_problem(res, 410, "document_link_expired");
        check_described(api, "get", path, res);
    }
    SUBCASE("no token") {
        auto res = doc(a_id, "");
        check_problem(res, 401, "document_token_missing");
        check_described(api, "get", path, res);
        check_problem(doc(a_id, "?token="), 401, "document_token_missing");
    }
    SUBCASE("a lookup token is not a document token") {
        const std::string lookup = lookup_token(c, "AB123456", "0612345678");
        check_problem(doc(a_id, "?token=" + lookup), 404, "document_link_invalid");
        check_problem(doc(a_id, "?token=" + lookup.substr(lookup.find('.') + 1)), 404, "document_link_invalid");
    }
}

TEST_CASE("staff invoice PDF: a staff token with ops or admin; unknown invoice 404") {
    TestServer server;
    auto c = server.client();
    const Billed b = bill_three_months(server, c);
    const OpenApi api = served_description(c);
    const std::string path = "/invoices/{invoice_id}/pdf";
    const std::string admin = create_staff_token(server, "admin");
    const std::string url = "/api/v1/invoices/" + b.oct["invoice_id"].get<std::string>() + "/pdf";

    auto none = c.Get(url);
    check_problem(none, 401, "authentication_required");
    CHECK(none->get_header_value("WWW-Authenticate").rfind("Bearer", 0) == 0);
    check_described(api, "get", path, none);
    check_problem(c.Get(url, bearer("pst_nope_nope")), 401, "authentication_required");
    check_problem(c.Get(url, {{"X-Actor-Id", "agent"}, {"X-Actor-Roles", "admin"}}), 401, "authentication_required");

    for (const std::string& token : {b.ops, admin}) {
        auto res = c.Get(url, bearer(token));
        REQUIRE(res);
        REQUIRE(res->status == 200);
        CHECK(res->get_header_value("Content-Type") == "application/pdf");
        CHECK(res->get_header_value("Content-Disposition") ==
              "inline; filename=\"invoice-" + b.oct["invoice_id"].get<std::string>() + ".pdf\"");
        check_described(api, "get", path, res);
        const std::string text = pdftotext(res->body, "staff_invoice_pdf");
        CHECK(text.find(b.oct["invoice_number"].get<std::string>()) != std::string::npos);
        CHECK(text.find("AB123456") != std::string::npos);
    }

    auto missing = c.Get("/api/v1/invoices/inv_nope/pdf", bearer(b.ops));
    check_problem(missing, 404, "invoice_not_found");
    check_described(api, "get", path, missing);

    // The description names the roles of the staff route; the landing ones are public.
    const auto doc = nlohmann::json::parse(c.Get("/api/v1/openapi.json")->body);
    CHECK(doc["paths"][path]["get"]["x-roles"] == nlohmann::json{"admin", "ops", "viewer"});
    CHECK(doc["paths"]["/landing/clients/{cin}/invoices"]["get"]["x-roles"][0].get<std::string>().rfind("public", 0) ==
          0);
    CHECK(doc["paths"]["/landing/invoices/{invoice_id}/document"]["get"]["x-roles"][0].get<std::string>().rfind(
              "public", 0) == 0);
}
