// "ADDR:PORT" as an operator writes a listening address (--metrics-bind): an IPv4
// address or host name, or an IPv6 address in brackets ("[::1]:9464"); port 0 to 65535.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace isp {

struct ListenAddress {
    std::string host; // without brackets
    int port = 0;
};

std::optional<ListenAddress> parse_listen_address(std::string_view text);

} // namespace isp
