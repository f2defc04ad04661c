// Browser window: Emscripten's GLFW for the WebGL 2 context and input events, with the
// canvas drawing buffer sized by us (Emscripten's GLFW 3.2 emulation knows nothing of
// devicePixelRatio, and its glfwSetWindowSize() requests full screen when the size
// happens to equal the screen's).
#include "webapp/platform/window.h"

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "imgui_internal.h" // this frame's text input (text_field_takes_input)
#include "webapp/platform/browser.h"
#include "webapp/platform/typed_input.h"

namespace isp::webapp::platform {
namespace {

GLFWwindow* g_window = nullptr;
FrameClient* g_client = nullptr;
bool g_first_frame = true;
std::vector<TextFieldArea> g_text_fields; // drawn last frame
ImVec2 g_touch_start;                     // where the finger followed landed
bool g_touch_first = false;               // platform::touch_first(), read once

// The EM_JS bodies below are JavaScript, which clang-format would mangle.
// clang-format off
// Sizes the canvas drawing buffer to its CSS box times devicePixelRatio; returns the ratio
// and writes the buffer size. Mouse coordinates from Emscripten's GLFW are already scaled
// to the drawing buffer (canvas.width / CSS width), so Dear ImGui sees device pixels.
EM_JS(double, isp_sync_canvas, (int* width, int* height), {
    var canvas = Module["canvas"];
    var ratio = window.devicePixelRatio || 1;
    var rect = canvas.getBoundingClientRect();
    var w = Math.max(1, Math.round(rect.width * ratio));
    var h = Math.max(1, Math.round(rect.height * ratio));
    if (canvas.width != w)
        canvas.width = w;
    if (canvas.height != h)
        canvas.height = h;
    HEAP32[width >> 2] = w;
    HEAP32[height >> 2] = h;
    return ratio;
});

// The person's text size: the root element's font size (the browser's default, which the
// OS's text-size setting changes on phones; the page sets none) over 16 px, from 1 to 3.
EM_JS(double, isp_text_scale, (), {
    var size = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    return Math.min(Math.max(size / 16, 1), 3);
});

// Touches, handled here rather than by Emscripten's GLFW, which never reads a finger's
// position (it presses the button wherever the mouse last was) and lets the browser add
// emulated mouse events after each tap. One finger is followed; its events are stopped
// before they reach GLFW's listeners and turned into Dear ImGui mouse events at the
// finger (isp_touch). GLFW's own cursor position is moved along, since Dear ImGui's GLFW
// backend polls it on devices that never send mouseenter.
EM_JS(void, isp_capture_touches, (), {
    var canvas = Module["canvas"];
    var finger = null;
    function handle(event) {
        if (event.target !== canvas)
            return;
        event.preventDefault();
        event.stopPropagation();
        var rect = canvas.getBoundingClientRect();
        for (var i = 0; i < event.changedTouches.length; ++i) {
            var touch = event.changedTouches[i];
            var phase = event.type === "touchstart" ? 0 : event.type === "touchmove" ? 1 : event.type === "touchend" ? 2 : 3;
            if (phase === 0 && finger === null)
                finger = touch.identifier;
            if (touch.identifier !== finger)
                continue;
            if (phase >= 2)
                finger = null;
            var x = (touch.clientX - rect.left) * canvas.width / rect.width;
            var y = (touch.clientY - rect.top) * canvas.height / rect.height;
            Browser.mouseX = x;
            Browser.mouseY = y;
            _isp_touch(phase, x, y);
        }
    }
    ["touchstart", "touchmove", "touchend", "touchcancel"].forEach(function (type) {
        window.addEventListener(type, handle, { capture: true, passive: false });
    });
});
// clang-format on

// Emscripten's GLFW quantizes wheel steps; feed the browser's deltas directly (as Dear
// ImGui's own Emscripten callback does).
EM_BOOL on_wheel(int, const EmscriptenWheelEvent* event, void*) {
    float step = 0.0f;
    if (event->deltaMode == DOM_DELTA_PIXEL)
        step = 1.0f / 100.0f;
    else if (event->deltaMode == DOM_DELTA_LINE)
        step = 1.0f / 3.0f;
    else
        step = 80.0f;
    ImGui::GetIO().AddMouseWheelEvent(static_cast<float>(-event->deltaX) * step,
                                      static_cast<float>(-event->deltaY) * step);
    return EM_TRUE;
}

// Keys and their characters, queued in the order typed (typed_input.h) rather than handed
// to Dear ImGui at once as its GLFW backend does.
void on_key(GLFWwindow*, int key, int scancode, int action, int mods) {
    if (action == GLFW_PRESS || action == GLFW_RELEASE) // Dear ImGui makes its own repeats
        queue_key(key, scancode, action == GLFW_PRESS, mods);
}

void on_character(GLFWwindow*, unsigned int codepoint) {
    queue_character(codepoint);
}

// A text field takes typing at the end of this frame. Dear ImGui's io.WantTextInput says it a
// frame late.
bool text_field_takes_input() {
    return GImGui->PlatformImeData.WantTextInput;
}

// A click or tap Dear ImGui has not taken yet: its pacing takes a finger's position one frame
// and the press the next (a touch has no hover before it), so the field tapped is activated
// two frames after the tap gave the hidden input the focus.
bool click_pending() {
    for (const ImGuiInputEvent& e : GImGui->InputEventsQueue)
        if (e.Type == ImGuiInputEventType_MouseButton)
            return true;
    return false;
}

// The hidden input follows the app's text field once a click has taken effect. Before, the
// frames between a tap on a field and its activation took away the focus the tap had just
// given the hidden input (and the soft keyboard with it): the field's mirrored element took it
// a frame later, and what the keyboard inserted meanwhile went nowhere.
void follow_text_field() {
    if (!click_pending())
        set_text_input_active(text_field_takes_input(), !g_touch_first);
}

// One Dear ImGui frame: input, layout, draw lists.
void imgui_pass(int width, int height, float ratio) {
    // Read once a second: the setting rarely changes, and a style read each frame is not free.
    static int frames_since_read = 0;
    static float text_scale = 1.0f;
    if (frames_since_read-- <= 0) {
        text_scale = static_cast<float>(isp_text_scale());
        frames_since_read = 60;
    }
    g_client->prepare_frame(ratio * text_scale);
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
    io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
    io.DeltaTime = std::max(io.DeltaTime, 1e-4f); // the first frame and the next refresh can be that close
    feed_typed_input();
    ImGui::NewFrame();
    g_client->draw_frame(ratio);
    ImGui::Render();
}

void frame() {
    if (g_first_frame && !g_client->first_frame_ready())
        return;
    int width = 1;
    int height = 1;
    const float ratio = static_cast<float>(isp_sync_canvas(&width, &height));
    imgui_pass(width, height, ratio);
    follow_text_field();

    glViewport(0, 0, width, height);
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

    if (g_first_frame) {
        g_first_frame = false;
        page_ready();
    }
    g_client->frame_drawn();
}

} // namespace

// One finger's touch at device-pixel (x, y) of the canvas: 0 down, 1 moved, 2 up, 3 cancelled.
// Called from within the touch's event handler.
extern "C" EMSCRIPTEN_KEEPALIVE void isp_touch(int phase, double x, double y) {
    const ImVec2 at(static_cast<float>(x), static_cast<float>(y));
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    io.AddMousePosEvent(at.x, at.y);
    if (phase != 1)
        io.AddMouseButtonEvent(ImGuiMouseButton_Left, phase == 0);
    if (phase == 0)
        g_touch_start = at;
    // A tap (not a drag, which scrolls) that ends on a text field: the focus now, for iOS.
    const float slop = 10.0f * static_cast<float>(emscripten_get_device_pixel_ratio());
    if (phase == 2 && std::abs(at.x - g_touch_start.x) <= slop && std::abs(at.y - g_touch_start.y) <= slop)
        for (const TextFieldArea& f : g_text_fields)
            if (at.x >= f.x0 && at.x <= f.x1 && at.y >= f.y0 && at.y <= f.y1) {
                set_text_input_active(true, !g_touch_first);
                break;
            }
}

bool create_window(const char* title) {
    if (!glfwInit())
        return false;
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    // Dear ImGui needs neither depth nor stencil, and every frame clears to an opaque colour:
    // an opaque canvas with only a colour buffer is less for the browser to allocate and composite.
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    glfwWindowHint(GLFW_STENCIL_BITS, 0);
    glfwWindowHint(GLFW_ALPHA_BITS, 0);
    int width = 1;
    int height = 1;
    isp_sync_canvas(&width, &height);
    g_window = glfwCreateWindow(width, height, title, nullptr, nullptr);
    if (!g_window)
        return false;
    glfwMakeContextCurrent(g_window);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // nothing to persist between visits
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui_ImplGlfw_InitForOpenGL(g_window, true);
    glfwSetKeyCallback(g_window, on_key); // instead of the backend's: see typed_input.h
    glfwSetCharCallback(g_window, on_character);
    g_touch_first = touch_first();
    // The page's typed-input listeners exist before the first frame: the screen-reader mirror's
    // text fields listen through them (semantics_mirror_emscripten.cpp).
    set_text_input_active(false, false);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    // Compiled now, while the catalog request is in flight, rather than in the first frame:
    // each shader status query waits for the GPU process.
    ImGui_ImplOpenGL3_CreateDeviceObjects();
    emscripten_set_wheel_callback("#canvas", nullptr, EM_FALSE, on_wheel);
    isp_capture_touches();

    // Emscripten's GLFW has no system clipboard. Copy goes to the browser's; paste arrives
    // as text typed into the hidden input (a paste event there), so Ctrl+V itself pastes nothing.
    ImGuiPlatformIO& pio = ImGui::GetPlatformIO();
    pio.Platform_GetClipboardTextFn = [](ImGuiContext*) -> const char* { return ""; };
    pio.Platform_SetClipboardTextFn = [](ImGuiContext*, const char* text) { copy_to_clipboard(text ? text : ""); };
    return true;
}

void run(FrameClient& client) {
    g_client = &client;
    if (client.first_frame_ready())
        frame();
    // 0: follow requestAnimationFrame; false: return to main() (state lives in statics).
    emscripten_set_main_loop(frame, 0, EM_FALSE);
}

void set_text_field_areas(std::vector<TextFieldArea> areas) {
    g_text_fields = std::move(areas);
}

void draw_first_frame_soon() {
    emscripten_async_call(
        [](void*) {
            if (g_client && g_first_frame)
                frame(); // draws only if the client is ready, as at a display refresh
        },
        nullptr, 0);
}

} // namespace isp::webapp::platform
