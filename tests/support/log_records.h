// The server's JSON log lines among what a process wrote: a real server's stdout and
// stderr often go to one file, where the human banner's lines sit between the log's.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace isp::test {

// Every line of `output` that is one JSON object, parsed; other lines are skipped.
std::vector<nlohmann::json> log_records(const std::string& output);

// The first log line whose "message" starts with `message_start`.
std::optional<nlohmann::json> find_log_record(const std::string& output, const std::string& message_start);

} // namespace isp::test
