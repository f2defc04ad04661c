// Customers told by e-mail (issue #15), against a real SMTP relay (python3-aiosmtpd with
// STARTTLS) and a real webhook receiver: a billing run's invoices arrive with their PDF in
// each customer's language; a month lived on the test clock - the invoice, reminders on days
// 3, 5 and 7, the suspension on day 15, the payment and the resume - each told once by e-mail
// and by webhook; a relay that refuses or is down; and what staff see per customer.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>

#include <chrono>
#include <set>
#include <thread>

#include "../support/openapi_check.h"
#include "../support/server_process.h"
#include "../support/smtp_sink.h"
#include "../support/test_server.h"
#include "../support/webhook_receiver.h"
#include "server/services/staff_tokens.h"
#include "server/store/database.h"

using namespace isp::test;

namespace {

constexpr std::int64_t day = 86400;

std::string temp_dir(const std::string& name) {
    std::string tmpl = (std::filesystem::temp_directory_path() / (name + "-XXXXXX")).string();
    REQUIRE(mkdtemp(tmpl.data()) != nullptr);
    return tmpl;
}

std::function<void(isp::ServerConfig&)> with_smtp(const SmtpSink& sink) {
    return [url = sink.url(), ca = sink.ca_file()](isp::ServerConfig& config) {
        config.smtp.url = url;
        config.smtp.from = "Maghreb Fibre <factures@maghrebfibre.test>";
        config.smtp.ca_file = ca;
    };
}

nlohmann::json bill(httplib::Client& c, const std::string& ops, const std::string& period) {
    auto h = bearer(ops);
    h.emplace("Idempotency-Key", new_key());
    auto run = c.Post("/api/v1/billing/runs", h, nlohmann::json{{"period", period}}.dump(), "application/json");
    REQUIRE(run);
    REQUIRE_MESSAGE(run->status == 201, run->body);
    return body_json(run);
}

nlohmann::json notifications(httplib::Client& c, const std::string& token, const std::string& client_id) {
    auto res = c.Get("/api/v1/customers/" + client_id + "/notifications?per_page=100", bearer(token));
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 200, res->body);
    check_described(served_description(c), "get", "/customers/{client_id}/notifications", res);
    return body_json(res);
}

std::vector<nlohmann::json> to(const std::vector<nlohmann::json>& messages, const std::string& address) {
    std::vector<nlohmann::json> out;
    for (const auto& m : messages)
        if (m["rcpt_tos"][0] == address)
            out.push_back(m);
    return out;
}

// Does what is due and delivers it, as the server's own threads would.
void live(TestServer& server) {
    server.run_due_work();
    while (server.deliver_due() > 0) {
    }
}

} // namespace

TEST_CASE("a billing run's invoices reach the customers by e-mail, in their language, with the PDF") {
    const std::string dir = temp_dir("isp-customer-email");
    SmtpSink sink(dir);
    TestServer server(true, with_smtp(sink));
    {
        isp::store::Database db(server.db_path());
        db.write([](isp::store::Connection& c) {
            c.exec("UPDATE clients SET language = 'en' WHERE client_id = 'cli_demo_helene'");
        });
    }
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");
    const nlohmann::json run = bill(c, ops, "2026-11");
    live(server);

    const auto messages = sink.wait_for(3, 10);
    REQUIRE(messages.size() == 3); // one invoice each for Amina, Youssef and Hélène
    const auto amina = to(messages, "amina.elidrissi@example.ma");
    REQUIRE(amina.size() == 1);
    CHECK(amina[0]["tls"] == true);
    CHECK(amina[0]["subject"].get<std::string>().rfind("Votre facture ", 0) == 0);
    CHECK(amina[0]["to"] == "Amina El Idrissi <amina.elidrissi@example.ma>");
    CHECK(amina[0]["text"].get<std::string>().find("Bonjour Amina,") != std::string::npos);
    REQUIRE(amina[0]["attachments"].size() == 1);
    CHECK(amina[0]["attachments"][0]["content_type"] == "application/pdf");
    CHECK(amina[0]["attachments"][0]["filename"].get<std::string>().rfind("facture-", 0) == 0);
    CHECK(amina[0]["attachments"][0]["size"].get<int>() > 1000);
    const auto helene = to(messages, "helene.f@example.com");
    REQUIRE(helene.size() == 1);
    CHECK(helene[0]["subject"].get<std::string>().rfind("Your invoice ", 0) == 0);
    CHECK(helene[0]["to"] == "H\u00e9l\u00e8ne Fran\u00e7ois-\u00d8stergaard <helene.f@example.com>");
    CHECK(helene[0]["attachments"][0]["filename"].get<std::string>().rfind("invoice-", 0) == 0);
    CHECK(helene[0]["html"].get<std::string>().find("Hello H\u00e9l\u00e8ne,") != std::string::npos);

    // Staff see what went out, to which address; nothing is sent twice.
    const auto listed = notifications(c, ops, "cli_demo_amina");
    REQUIRE(listed["data"].size() == 1);
    CHECK(listed["data"][0]["event_type"] == "invoice.issued");
    CHECK(listed["data"][0]["state"] == "sent");
    CHECK(listed["data"][0]["recipient"] == "amina.elidrissi@example.ma");
    CHECK(listed["data"][0]["subject"] == amina[0]["subject"]);
    CHECK(listed["data"][0]["attempts"] == 1);
    live(server);
    CHECK(sink.messages().size() == 3);
    auto res = c.Get("/api/v1/customers/cli_nobody/notifications", bearer(ops));
    REQUIRE(res);
    CHECK(res->status == 404);
    std::filesystem::remove_all(dir);
}

TEST_CASE("a customer's cancellation is told by e-mail, in her language, with the early termination amount") {
    const std::string dir = temp_dir("isp-cancel-email");
    SmtpSink sink(dir);
    TestServer server(true, with_smtp(sink));
    auto c = server.client();
    auto verified =
        c.Post("/api/v1/landing/clients/verify-cin",
               nlohmann::json{{"cin", "AB123456"}, {"service_identifier", "0612345678"}}.dump(), "application/json");
    REQUIRE(verified);
    REQUIRE_MESSAGE(verified->status == 200, verified->body);
    // Asked from a page in English: the e-mail follows her own language (French).
    auto res = c.Post("/api/v1/landing/contracts/ctr_demo_amina/cancellation", {{"Idempotency-Key", new_key()}},
                      nlohmann::json{{"lookup_token", body_json(verified)["lookup_token"]},
                                     {"termination_date", "2026-12-15"},
                                     {"language", "en"}}
                          .dump(),
                      "application/json");
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 202, res->body);
    live(server);

    const auto amina = to(sink.wait_for(1, 10), "amina.elidrissi@example.ma");
    REQUIRE(amina.size() == 1);
    CHECK(amina[0]["subject"] == "R\u00e9siliation de votre ligne +212612345678 le 15 d\u00e9cembre 2026");
    const std::string text = amina[0]["text"];
    CHECK(text.find("sera r\u00e9sili\u00e9e le 15 d\u00e9cembre 2026") != std::string::npos);
    CHECK(text.find("792,00") != std::string::npos); // 8 months left of Mobile Confort at 99,00
    CHECK(amina[0]["html"].get<std::string>().find("792,00") != std::string::npos);
    const auto listed = notifications(c, create_staff_token(server, "viewer"), "cli_demo_amina");
    REQUIRE(listed["data"].size() == 1);
    CHECK(listed["data"][0]["event_type"] == "contract.cancellation_requested");
    CHECK(listed["data"][0]["state"] == "sent");
    live(server);
    CHECK(sink.messages().size() == 1);
    std::filesystem::remove_all(dir);
}

TEST_CASE("a month on the test clock: invoice, three reminders, suspension, payment, resume - each told once") {
    const std::string dir = temp_dir("isp-month");
    SmtpSink sink(dir);
    WebhookReceiver receiver;
    TestServer server(true, with_smtp(sink));
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");
    const std::string admin = create_staff_token(server, "admin");
    auto hook =
        c.Post("/api/v1/webhooks", bearer(admin),
               nlohmann::json{{"url", receiver.url()},
                              {"event_types",
                               {"invoice.issued", "invoice.reminder", "contract.status_changed", "payment.received"}}}
                   .dump(),
               "application/json");
    REQUIRE_MESSAGE(hook->status == 201, hook->body);

    // 2026-11-23: the November run; invoices due 15 days later, on 2026-12-08.
    const nlohmann::json run = bill(c, ops, "2026-11");
    live(server);
    std::string invoice_id;
    {
        auto list = body_json(c.Get("/api/v1/invoices?client_id=cli_demo_amina", bearer(ops)));
        REQUIRE(list["data"].size() == 1);
        invoice_id = list["data"][0]["invoice_id"];
        REQUIRE(list["data"][0]["due_date"] == "2026-12-08");
    }
    const std::int64_t due = 1796731200; // 2026-12-08T12:00:00Z
    for (const int d : {1, 3, 4, 5, 7, 10, 15, 16}) {
        server.clock().set(due + d * day);
        live(server);
    }
    CHECK(body_json(c.Get("/api/v1/contracts/ctr_demo_amina", bearer(ops)))["status"] == "suspended");
    server.clock().set(due + 17 * day);
    auto h = bearer(ops);
    h.emplace("Idempotency-Key", new_key());
    auto paid =
        c.Post("/api/v1/collections/payments", h,
               nlohmann::json{{"invoice_id", invoice_id},
                              {"amount", body_json(c.Get("/api/v1/invoices/" + invoice_id, bearer(ops)))["total"]},
                              {"method", "cash"}}
                   .dump(),
               "application/json");
    REQUIRE_MESSAGE(paid->status == 201, paid->body);
    live(server);
    CHECK(body_json(c.Get("/api/v1/contracts/ctr_demo_amina", bearer(ops)))["status"] == "active");

    // Amina's e-mails, in order, each once.
    const auto mails = to(sink.wait_for(7, 10), "amina.elidrissi@example.ma");
    std::vector<std::string> subjects;
    for (const auto& m : mails)
        subjects.push_back(m["subject"]);
    CAPTURE(subjects);
    REQUIRE(subjects.size() == 7);
    CHECK(subjects[0].rfind("Votre facture ", 0) == 0);
    for (int i = 1; i <= 3; ++i)
        CHECK(subjects[static_cast<std::size_t>(i)].rfind("Rappel : facture ", 0) == 0);
    CHECK(mails[3]["text"].get<std::string>().find("sera suspendue le 23 d\u00e9cembre 2026") != std::string::npos);
    CHECK(subjects[4] == "Votre ligne +212612345678 est suspendue pour impay\u00e9");
    CHECK(subjects[5].rfind("Paiement re\u00e7u : ", 0) == 0);
    CHECK(subjects[6] == "Votre ligne +212612345678 est r\u00e9tablie");
    std::set<std::string> message_ids;
    for (const auto& m : mails)
        message_ids.insert(m["message_id"]);
    CHECK(message_ids.size() == 7);

    // The same story by webhook, for Amina's contract: each event once, none missing.
    std::map<std::string, int> types;
    std::set<std::string> ids;
    for (const auto& w : receiver.received()) {
        const auto body = nlohmann::json::parse(w.body);
        if (body["contract_id"] != "ctr_demo_amina")
            continue;
        ids.insert(w.event_id);
        ++types[w.event_type];
    }
    CHECK(types["invoice.issued"] == 1);
    CHECK(types["invoice.reminder"] == 3);
    CHECK(types["contract.status_changed"] == 2);
    CHECK(types["payment.received"] == 1);
    CHECK(ids.size() == 7);
    const auto listed = notifications(c, ops, "cli_demo_amina");
    CHECK(listed["pagination"]["total"] == 7);
    std::filesystem::remove_all(dir);
}

TEST_CASE("a refused address fails at once; a relay down is tried again, then the e-mail goes") {
    const std::string dir = temp_dir("isp-email-retry");
    SmtpSink sink(dir, {"", "", {"y.benali@example.ma"}});
    // Youssef's address is refused; Amina's and Hélène's go first to a relay that is down.
    TestServer server(true, [&](isp::ServerConfig& config) {
        with_smtp(sink)(config);
        config.smtp.url = "smtp://127.0.0.1:" + std::to_string(free_loopback_port());
    });
    auto c = server.client();
    const std::string ops = create_staff_token(server, "ops");
    bill(c, ops, "2026-11");
    live(server);
    auto amina = notifications(c, ops, "cli_demo_amina")["data"][0];
    CHECK(amina["state"] == "pending");
    CHECK(amina["attempts"] == 1);
    CHECK_FALSE(amina["last_error"].is_null());
    CHECK(amina["next_attempt_at"] == "2026-11-23T10:00:30Z"); // 30 s later
    CHECK(sink.messages().empty());

    // The relay is back (the same server, now pointed at the sink), 30 s later.
    server.restart_with([&](isp::ServerConfig& config) { with_smtp(sink)(config); });
    c = server.client();
    server.clock().advance(30);
    live(server);
    amina = notifications(c, ops, "cli_demo_amina")["data"][0];
    CHECK(amina["state"] == "sent");
    CHECK(amina["attempts"] == 2);
    const auto youssef = notifications(c, ops, "cli_demo_youssef")["data"][0];
    CHECK(youssef["state"] == "failed"); // 550: no retry would help
    CHECK(youssef["last_error"].get<std::string>().find("550") != std::string::npos);
    CHECK(sink.messages().size() == 2);
    std::filesystem::remove_all(dir);
}

TEST_CASE("the real server SIGKILLed right after the changes sends every e-mail after a restart, none missing") {
    const std::string dir = temp_dir("isp-email-kill");
    const std::string db_path = dir + "/portal.db";
    SmtpSink sink(dir);
    std::string token;
    {
        isp::store::Database db(db_path);
        token =
            isp::services::create_staff_token(db, "mail", {isp::services::Role::Ops}, "2026-11-23T10:00:00Z").secret;
    }
    std::vector<std::string> args = operator_args();
    args.insert(args.end(), {"--demo", "--smtp-url", sink.url(), "--smtp-from",
                             "Maghreb Fibre <factures@maghrebfibre.test>", "--smtp-ca-file", sink.ca_file()});
    const auto suspend = [&](httplib::Client& c, const std::string& contract_id) {
        auto res =
            c.Put("/api/v1/contracts/" + contract_id + "/status", bearer(token),
                  nlohmann::json{{"status", "suspended"}, {"reason", "customer request"}}.dump(), "application/json");
        REQUIRE(res);
        REQUIRE_MESSAGE(res->status == 200, res->body);
    };
    {
        ServerProcess server(db_path, dir + "/server-1.out", args, dir + "/server-1.err");
        auto c = server.client();
        suspend(c, "ctr_demo_amina");
        suspend(c, "ctr_demo_helene");
        server.kill_now(); // the changes are committed; their e-mails may or may not be out
    }
    std::set<std::string> expected;
    {
        ServerProcess server(db_path, dir + "/server-2.out", args, dir + "/server-2.err");
        auto c = server.client();
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        for (;;) {
            expected.clear();
            bool all_sent = true;
            for (const char* client : {"cli_demo_amina", "cli_demo_helene"}) {
                const auto res = c.Get(std::string("/api/v1/customers/") + client + "/notifications", bearer(token));
                REQUIRE(res);
                const nlohmann::json page = body_json(res);
                for (const auto& n : page["data"]) {
                    expected.insert(n["event_id"].get<std::string>());
                    all_sent = all_sent && n["state"] == "sent";
                }
            }
            if ((all_sent && expected.size() == 2) || std::chrono::steady_clock::now() > deadline)
                break;
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
        }
        CHECK(server.terminate_and_wait(20) == 0);
    }
    REQUIRE(expected.size() == 2); // one suspension e-mail each
    // Every one arrived; one sent again (killed between the relay's answer and the record)
    // carries the same Message-ID, which is how a mail system drops it.
    std::set<std::string> arrived;
    for (const auto& m : sink.messages()) {
        const std::string id = m["message_id"];
        arrived.insert(id.substr(1, id.find(".email@") - 1));
    }
    for (const std::string& event_id : expected)
        CHECK_MESSAGE(arrived.count(event_id) == 1, event_id);
    std::filesystem::remove_all(dir);
}
