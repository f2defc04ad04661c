// Assets compiled into the binaries by cmake/Assets.cmake (isp_embed): the same bytes
// in the server (PDF fonts, demo logo) and the portal (ImGui fonts).
#pragma once
#include <span>

namespace isp::assets {
extern const std::span<const unsigned char> font_regular; // DejaVu Sans, Latin subset
extern const std::span<const unsigned char> font_bold;    // DejaVu Sans Bold, Latin subset
extern const std::span<const unsigned char> logo;         // the demo operator's logo (web/assets/logo.png)
} // namespace isp::assets
