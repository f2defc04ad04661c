#include "webapp/ui/theme.h"

#include "web/assets/embedded_assets.h"

namespace isp::webapp::ui {
namespace {

Fonts g_fonts;
float g_scale = 0.0f; // 0: no style applied yet

ImVec4 rgb(int hex) {
    return ImVec4(static_cast<float>((hex >> 16) & 0xFF) / 255.0f, static_cast<float>((hex >> 8) & 0xFF) / 255.0f,
                  static_cast<float>(hex & 0xFF) / 255.0f, 1.0f);
}

const Palette g_palette{
    .background = rgb(0xF3F5F8),
    .surface = rgb(0xFFFFFF),
    .text = rgb(0x1B2430),
    .muted = rgb(0x5A6675),
    .accent = rgb(0x0B5CAD),
    .accent_hovered = rgb(0x1570CC),
    .accent_active = rgb(0x08498A),
    .on_accent = rgb(0xFFFFFF),
    .border = rgb(0xB8C2CE),
    .error = rgb(0xB42318),
    .error_surface = rgb(0xFDECEA),
    .success = rgb(0x1A7F37),
    .success_surface = rgb(0xE6F4EA),
    .info_surface = rgb(0xE8F1FB),
};

ImFont* add_font(std::span<const unsigned char> data) {
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false; // the bytes are static, in the binary
    // Dear ImGui takes void* but only reads the data when it does not own it.
    void* bytes = const_cast<unsigned char*>(data.data());
    return ImGui::GetIO().Fonts->AddFontFromMemoryTTF(bytes, static_cast<int>(data.size()), body_font_size, &config);
}

// The style at scale 1 (CSS pixels); apply_theme() scales a copy of it.
ImGuiStyle base_style() {
    ImGuiStyle s;
    ImGui::StyleColorsLight(&s);
    s.FontSizeBase = body_font_size;
    s.WindowPadding = ImVec2(0.0f, 0.0f);
    s.WindowRounding = 0.0f;
    s.WindowBorderSize = 0.0f;
    s.ChildRounding = 8.0f;
    s.ChildBorderSize = 1.0f;
    s.FramePadding = ImVec2(10.0f, 8.0f);
    s.FrameRounding = 6.0f;
    s.FrameBorderSize = 1.0f;
    s.ItemSpacing = ImVec2(10.0f, 8.0f);
    s.ItemInnerSpacing = ImVec2(8.0f, 6.0f);
    s.ScrollbarSize = 12.0f;
    s.ScrollbarRounding = 6.0f;
    s.GrabRounding = 6.0f;
    s.PopupRounding = 6.0f;

    const Palette& p = g_palette;
    ImVec4* c = s.Colors;
    c[ImGuiCol_Text] = p.text;
    c[ImGuiCol_TextDisabled] = p.muted;
    c[ImGuiCol_WindowBg] = p.background;
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_PopupBg] = p.surface;
    c[ImGuiCol_Border] = p.border;
    c[ImGuiCol_FrameBg] = p.surface;
    c[ImGuiCol_FrameBgHovered] = rgb(0xF7FAFD);
    c[ImGuiCol_FrameBgActive] = p.surface;
    c[ImGuiCol_Button] = p.accent;
    c[ImGuiCol_ButtonHovered] = p.accent_hovered;
    c[ImGuiCol_ButtonActive] = p.accent_active;
    c[ImGuiCol_CheckMark] = p.accent;
    c[ImGuiCol_TextSelectedBg] = ImVec4(p.accent.x, p.accent.y, p.accent.z, 0.25f);
    c[ImGuiCol_NavCursor] = ImVec4(0, 0, 0, 0); // ui/focus_ring.cpp draws the focus instead
    c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_Separator] = p.border;
    return s;
}

} // namespace

void load_fonts() {
    g_fonts.regular = add_font(assets::font_regular);
    g_fonts.bold = add_font(assets::font_bold);
}

const Fonts& fonts() {
    return g_fonts;
}
const Palette& palette() {
    return g_palette;
}
float scale() {
    return g_scale > 0.0f ? g_scale : 1.0f;
}

void apply_theme(float pixel_ratio) {
    if (pixel_ratio <= 0.0f)
        pixel_ratio = 1.0f;
    if (pixel_ratio == g_scale)
        return;
    g_scale = pixel_ratio;
    ImGuiStyle& style = ImGui::GetStyle();
    style = base_style();
    style.ScaleAllSizes(pixel_ratio);
    // Dear ImGui 1.92 rasterizes glyphs at the final size: text stays sharp at any ratio.
    style.FontScaleDpi = pixel_ratio;
}

} // namespace isp::webapp::ui
