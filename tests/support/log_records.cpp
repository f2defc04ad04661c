#include "tests/support/log_records.h"

#include <sstream>

namespace isp::test {

std::vector<nlohmann::json> log_records(const std::string& output) {
    std::vector<nlohmann::json> records;
    std::istringstream in(output);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line.front() != '{')
            continue;
        auto record = nlohmann::json::parse(line, nullptr, false);
        if (record.is_object())
            records.push_back(std::move(record));
    }
    return records;
}

std::optional<nlohmann::json> find_log_record(const std::string& output, const std::string& message_start) {
    for (auto& record : log_records(output)) {
        const auto message = record.find("message");
        if (message != record.end() && message->is_string() && message->get<std::string>().rfind(message_start, 0) == 0)
            return record;
    }
    return std::nullopt;
}

} // namespace isp::test
