// Pictures the portal shows (the operator's logo): the browser fetches and decodes the file
// and uploads it as a texture of the portal's GL context, which Dear ImGui draws with
// ImGui::Image. One implementation per target (image_emscripten.cpp).
#pragma once
#include <cstdint>
#include <functional>
#include <string>

namespace isp::webapp::platform {

struct Image {
    std::uint64_t texture = 0; // GL texture name, usable as an ImTextureID; 0: not loaded
    int width = 0;             // pixels of the file
    int height = 0;
};

// Loads `url` (PNG or JPEG); `done` runs between two frames with the image, or with an
// empty one when it could not be fetched or decoded (the portal then simply shows none).
void load_image(const std::string& url, std::function<void(Image)> done);

} // namespace isp::webapp::platform
