#include "canned.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace isp::portal::test {

std::string Canned::body() const {
    const std::string where = std::string{ISP_PORTAL_RESPONSES_DIR} + "/" + file;
    std::ifstream in(where, std::ios::binary);
    if (!in)
        throw std::runtime_error("canned answer not found: " + where);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void script(FakeHttp& http, const Canned& answer) {
    http.script(answer.method, answer.path, answer.status, answer.body(), answer.language, answer.retry_after_seconds);
}

} // namespace isp::portal::test
