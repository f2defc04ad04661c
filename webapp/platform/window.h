// The one window the portal draws into: creates it with its GL context and the Dear ImGui
// backends, keeps its drawing buffer the size of the page at the device's pixel density
// (Dear ImGui works in device pixels, the UI is scaled by the pixel ratio so text stays
// crisp), and runs the frame loop. One implementation per target (window_emscripten.cpp).
#pragma once
#include <vector>

namespace isp::webapp::platform {

class FrameClient {
public:
    virtual ~FrameClient() = default;
    // Before Dear ImGui's NewFrame: the place to change style and font scale. `ui_scale` is
    // device pixels per CSS pixel times the person's text size (the browser's default font
    // size over 16 px, which follows the OS's text-size setting on phones), so a larger text
    // setting enlarges the app as zoom does, and it reflows the same way.
    virtual void prepare_frame(float ui_scale) = 0;
    // Until this is true no frame is drawn and the page shell's own loading message stays up:
    // a first frame that only says "loading" costs as much as the real one (shader compiles,
    // glyphs, the first upload) and would delay it.
    virtual bool first_frame_ready() const { return true; }
    // Between NewFrame and Render: the frame's content.
    virtual void draw_frame(float pixel_ratio) = 0;
    // After the frame's draw commands went to the GPU: what the browser shows next.
    virtual void frame_drawn() {}
};

// Creates the window and the Dear ImGui context; false when the browser has no WebGL 2.
bool create_window(const char* title);
// Never returns to the caller's frame loop: the platform calls `client` once per display frame.
void run(FrameClient& client);
// Where this frame drew its editable text fields, in the canvas's device pixels. iOS opens
// its keyboard only for a focus given inside the tap's own event handler, and Dear ImGui
// learns of a tap a frame later: a tap that ends on one of these areas gives the hidden
// input the focus (set_text_input_active) from within the touch's handler.
struct TextFieldArea {
    float x0 = 0.0f, y0 = 0.0f, x1 = 0.0f, y1 = 0.0f;
};
void set_text_field_areas(std::vector<TextFieldArea> areas);
// The client's first frame became ready (first_frame_ready()): draw it right after the
// current task instead of at the next display refresh, which can be a frame's time away.
void draw_first_frame_soon();

} // namespace isp::webapp::platform
