// Bytes on a socket, for requests no HTTP client library would send (a raw 0xFF in a
// path, a lying Content-Length, a request head dripped one byte at a time) and for
// connections from another loopback address (127.0.0.2).
#pragma once
#include <string>
#include <string_view>

namespace isp::test {

// A TCP connection to 127.0.0.1:port, from `source` (another loopback address) when given.
// -1 when it cannot connect.
int connect_loopback(int port, const char* source = nullptr);

// Sends `bytes` and reads until the server closes or `timeout_seconds` pass.
std::string raw_exchange(int port, std::string_view bytes, double timeout_seconds = 5, const char* source = nullptr);

// The status code of the first response in `bytes` ("HTTP/1.1 400 ..."), or 0.
int raw_status(std::string_view response);
// The body of the first response (after the blank line).
std::string raw_body(std::string_view response);

} // namespace isp::test
