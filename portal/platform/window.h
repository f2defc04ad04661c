// The one window the portal draws into: creates it with its GL context and the Dear ImGui
// backends, keeps its drawing buffer the size of the page at the device's pixel density
// (Dear ImGui works in device pixels, the UI is scaled by the pixel ratio so text stays
// crisp), and runs the frame loop. One implementation per target (window_emscripten.cpp).
#pragma once

namespace isp::portal::platform {

class FrameClient {
public:
    virtual ~FrameClient() = default;
    // Before Dear ImGui's NewFrame: the place to change style and font scale.
    virtual void prepare_frame(float pixel_ratio) = 0;
    // Until this is true no frame is drawn and the page shell's own loading message stays up:
    // a first frame that only says "loading" costs as much as the real one (shader compiles,
    // glyphs, the first upload) and would delay it.
    virtual bool first_frame_ready() const { return true; }
    // Between NewFrame and Render. Returns false when this pass only measured a layout that
    // changed shape (a screen appeared: boxes sized to their content learn their height on
    // their first frame); the platform then draws a second pass before showing anything.
    virtual bool draw_frame(float pixel_ratio) = 0;
};

// Creates the window and the Dear ImGui context; false when the browser has no WebGL 2.
bool create_window(const char* title);
// Never returns to the caller's frame loop: the platform calls `client` once per display frame.
void run(FrameClient& client);

} // namespace isp::portal::platform
