// Assets compiled into the binaries by cmake/Assets.cmake (isp_embed): the same bytes
// in the server (PDF fonts) and the portal (ImGui fonts).
#pragma once
#include <span>

namespace isp::assets {
extern const std::span<const unsigned char> font_regular; // DejaVu Sans, Latin subset
extern const std::span<const unsigned char> font_bold;    // DejaVu Sans Bold, Latin subset
} // namespace isp::assets
