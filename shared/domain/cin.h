// The Moroccan national identity number (CIN, "Carte d'Identité Nationale"):
// one or two letters followed by digits, e.g. "A123456", "BK654321".
// People type it with spaces, dashes and lower case; we store and compare it normalised.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace isp {

// Upper-cases, drops spaces, dashes and dots; returns nullopt unless the result is
// 1-2 ASCII letters followed by 3-6 digits (leading letters + digits only).
std::optional<std::string> normalize_cin(std::string_view text);

} // namespace isp
