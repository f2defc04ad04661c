#include "test_server.h"

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <doctest/doctest.h>

#include "server/services/staff_tokens.h"
#include "server/store/database.h"

namespace isp::test {

TestServer::TestServer(bool demo, std::function<void(ServerConfig&)> tweak)
    : demo_(demo), tweak_(std::move(tweak)), clock_(std::make_shared<FixedClock>(default_now)) {
    std::string tmpl = (std::filesystem::temp_directory_path() / "isp-api-XXXXXX").string();
    REQUIRE(mkdtemp(tmpl.data()) != nullptr);
    dir_ = tmpl;
    db_path_ = dir_ + "/portal.db";
    start();
}

TestServer::~TestServer() {
    server_->stop();
    if (thread_.joinable())
        thread_.join();
    server_.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
}

void TestServer::start() {
    ServerConfig config;
    config.db_path = db_path_;
    config.port = 0;
    config.demo = demo_;
    config.threads = 8;
    // The scheduler runs at start and when a test calls run_due_work(); not on its own a
    // minute into a long test, where it would act on the test's overdue invoices.
    config.scheduler_interval_seconds = 24 * 3600;
    if (tweak_)
        tweak_(config);
    // As parse_command_line does: the demo logo and terms, or the files a test names.
    if (const std::string error = load_operator_files(config.operator_profile, config.demo); !error.empty())
        throw std::runtime_error(error);
    server_ = std::make_unique<Server>(config, clock_);
    port_ = server_->bind();
    thread_ = std::thread([this] { server_->serve(); });
    REQUIRE(server_->wait_until_ready());
}

void TestServer::restart_with(std::function<void(ServerConfig&)> tweak) {
    tweak_ = std::move(tweak);
    restart();
}

void TestServer::restart() {
    server_->stop();
    thread_.join();
    server_.reset();
    start();
}

httplib::Client TestServer::client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_connection_timeout(5, 0);
    c.set_read_timeout(20, 0);
    return c;
}

nlohmann::json body_json(const httplib::Result& res) {
    REQUIRE(res);
    try {
        return nlohmann::json::parse(res->body);
    } catch (const std::exception&) {
        FAIL("response is not JSON: " << res->body.substr(0, 200));
    }
    return {};
}

std::string body_but_request_id(const httplib::Result& res) {
    REQUIRE(res);
    const std::string id = res->get_header_value("X-Request-Id");
    REQUIRE(!id.empty());
    const std::string member = ",\"request_id\":\"" + id + "\"";
    std::string body = res->body;
    const auto at = body.find(member);
    REQUIRE(at != std::string::npos);
    return body.erase(at, member.size());
}

std::string create_staff_token(const TestServer& server, const std::string& roles, const std::string& name) {
    store::Database db(server.db_path());
    const auto parsed = services::parse_roles(roles);
    REQUIRE(parsed);
    return services::create_staff_token(db, name, *parsed, "2026-11-23T10:00:00Z").secret;
}

httplib::Headers bearer(const std::string& token) {
    return {{"Authorization", "Bearer " + token}};
}

std::string new_key() {
    static std::atomic<int> n{0};
    return "test-key-" + std::to_string(std::rand()) + "-" + std::to_string(n++);
}

std::string pdftotext(const std::string& pdf, const std::string& name) {
    const std::string path = output_dir("api") + "/" + name + ".pdf";
    std::ofstream(path, std::ios::binary) << pdf;
    std::string text;
    FILE* p = popen(("pdftotext -layout '" + path + "' - 2>/dev/null").c_str(), "r");
    REQUIRE(p);
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0)
        text.append(buf, n);
    pclose(p);
    return text;
}

std::vector<std::string> error_fields(const httplib::Result& res) {
    std::vector<std::string> out;
    const nlohmann::json body = body_json(res); // kept alive: a range-for over a temporary's member dangles
    for (const auto& e : body["errors"])
        out.push_back(e["field"]);
    return out;
}

std::string output_dir(const std::string& sub) {
    const char* base = std::getenv("TEST_OUTPUT_DIR");
    std::filesystem::path p = base ? base : "test-output";
    p /= sub;
    std::filesystem::create_directories(p);
    return p.string();
}

} // namespace isp::test
