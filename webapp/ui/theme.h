// The portal's look: fonts (DejaVu Sans, embedded), colours, spacing, and the scale from
// CSS pixels to the device pixels Dear ImGui draws in. Layout code writes sizes in CSS
// pixels through px() so the UI is the same size on every screen and crisp on dense ones.
#pragma once
#include "imgui.h"

namespace isp::webapp::ui {

inline constexpr float body_font_size = 16.0f;    // CSS px, like a browser's default
inline constexpr float title_font_size = 26.0f;   // screen headings
inline constexpr float large_font_size = 20.0f;   // offer names, the contract number
inline constexpr float small_font_size = 14.0f;   // hints
inline constexpr float column_max_width = 760.0f; // CSS px: lines stay readable on wide screens

struct Fonts {
    ImFont* regular = nullptr;
    ImFont* bold = nullptr;
};

struct Palette {
    ImVec4 background, surface, text, muted, accent, accent_hovered, accent_active, on_accent, border, error,
        error_surface, success, success_surface, info_surface;
};

// Loads the embedded fonts into Dear ImGui's atlas (once, after the context exists).
void load_fonts();
const Fonts& fonts();
const Palette& palette();

// Applies the style at this scale (device pixel ratio times the person's text size); cheap
// when it did not change.
void apply_theme(float pixel_ratio);
float scale();
inline float px(float css_pixels) {
    return css_pixels * scale();
}

inline ImU32 color(const ImVec4& c) {
    return ImGui::ColorConvertFloat4ToU32(c);
}

} // namespace isp::webapp::ui
