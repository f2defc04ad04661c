#include "webapp/platform/typed_input.h"

#include <deque>
#include <utility>

#include <GLFW/glfw3.h>

#include "imgui.h"
#include "imgui_internal.h" // the active item, the input queue: what the pacing below waits for

// Dear ImGui's GLFW backend defines it without declaring it in its header.
ImGuiKey ImGui_ImplGlfw_KeyToImGuiKey(int keycode, int scancode);

namespace isp::webapp::platform {
namespace {

struct Typed {
    // Focus and Activate: the page's mirror moved the focus to, or activated, widget `widget`.
    enum class Kind { Key, Text, Focus, Activate } kind = Kind::Key;
    ImGuiID widget = 0;
    ImGuiKey key = ImGuiKey_None;
    bool down = false;
    int mods = 0;        // GLFW_MOD_* as they were when it was typed
    std::string text;    // UTF-8, Kind::Text
    bool pasted = false; // text the hidden input received (may come with Ctrl held: a paste)
};

std::deque<Typed> g_typed;
int g_mods = 0;                // the modifiers of the last key event
int g_frames_since_move = 100; // frames since the focus last could move
bool g_shortcut_watch = false; // a character key went to Dear ImGui alone last frame (see feed)
int g_frames_since_page = 100; // frames since the page's mirror focused or activated a widget
ImGuiID g_page_focus = 0;      // handed over this frame, for the widget layer

// Letters, digits, space, punctuation and Shift only add characters; any other key (Tab, Enter,
// arrows, Backspace, a shortcut) may move the focus or edit the text, and must take effect
// before the characters typed after it.
bool only_types(ImGuiKey key, int mods) {
    if (mods & (GLFW_MOD_CONTROL | GLFW_MOD_SUPER))
        return false;
    if (key == ImGuiKey_LeftShift || key == ImGuiKey_RightShift)
        return true;
    // Dear ImGui counts Tab among the keys that may type a character ('\t'): here it moves the
    // focus, and the text typed after it must wait for the next field (it went to the last one
    // whenever both reached Dear ImGui in the same frame).
    if (key == ImGuiKey_Tab)
        return false;
    return key != ImGuiKey_None && GImGui->KeysMayBeCharInput.TestBit(key);
}

void add_mods(ImGuiIO& io, int mods) {
    io.AddKeyEvent(ImGuiMod_Ctrl, (mods & GLFW_MOD_CONTROL) != 0);
    io.AddKeyEvent(ImGuiMod_Shift, (mods & GLFW_MOD_SHIFT) != 0);
    io.AddKeyEvent(ImGuiMod_Alt, (mods & GLFW_MOD_ALT) != 0);
    io.AddKeyEvent(ImGuiMod_Super, (mods & GLFW_MOD_SUPER) != 0);
}

// The focus may still move: Dear ImGui holds a key event that may move it (its own pacing
// spreads a press and release of one key over two frames) or a click or tap not yet taken (it
// may activate another field: text inserted right after a tap on a field waits for that
// field, instead of being dropped as typed nowhere in the frame it activates), or its
// navigation has a move, a Tab or a focus request in flight, or an item to activate (a Tab to
// a text field activates it two frames later; characters given meanwhile went to neither field).
bool focus_may_move() {
    const ImGuiContext& g = *GImGui;
    for (const ImGuiInputEvent& e : g.InputEventsQueue) {
        if (e.Type == ImGuiInputEventType_Key && e.Key.Down && !only_types(e.Key.Key, 0) && e.Key.Key < ImGuiMod_Ctrl)
            return true;
        if (e.Type == ImGuiInputEventType_MouseButton)
            return true;
    }
    return g.NavAnyRequest || g.NavInitRequest || g.NavMoveSubmitted || g.NavMoveForwardToNextFrame ||
           g.NavNextActivateId != 0 || g.NavActivateId != 0;
}

// A text field is editing, and was already last frame: characters given now reach it (in the
// frame a field is activated, Dear ImGui discards them).
bool text_field_editing() {
    const ImGuiContext& g = *GImGui;
    return g.ActiveId != 0 && g.ActiveId == g.InputTextState.ID && !g.ActiveIdIsJustActivated;
}

// A text field was activated last frame (a click, a tap, a Tab): it takes characters from this
// frame's next one on.
bool text_field_activating() {
    const ImGuiContext& g = *GImGui;
    return g.ActiveId != 0 && g.ActiveId == g.InputTextState.ID && g.ActiveIdIsJustActivated;
}

} // namespace

void queue_key(int glfw_key, int scancode, bool down, int mods) {
    g_mods = mods;
    // A paste arrives as the hidden input's text (queue_text_edit); Dear ImGui, which has no
    // clipboard to read here, is not told of the shortcut at all.
    const bool paste = (glfw_key == GLFW_KEY_V && (mods & (GLFW_MOD_CONTROL | GLFW_MOD_SUPER))) ||
                       (glfw_key == GLFW_KEY_INSERT && (mods & GLFW_MOD_SHIFT));
    if (paste)
        return;
    Typed typed;
    typed.key = ImGui_ImplGlfw_KeyToImGuiKey(glfw_key, scancode);
    typed.down = down;
    typed.mods = mods;
    if (typed.key != ImGuiKey_None)
        g_typed.push_back(std::move(typed));
}

void queue_character(unsigned int codepoint) {
    char bytes[5] = {};
    ImTextCharToUtf8(bytes, codepoint);
    Typed typed;
    typed.kind = Typed::Kind::Text;
    typed.text = bytes;
    typed.mods = g_mods;
    g_typed.push_back(std::move(typed));
}

void queue_text_edit(int removed, const std::string& added) {
    for (int i = 0; i < removed; ++i)
        for (const bool down : {true, false}) {
            Typed erase;
            erase.key = ImGuiKey_Backspace;
            erase.down = down;
            g_typed.push_back(std::move(erase));
        }
    if (added.empty())
        return;
    Typed typed;
    typed.kind = Typed::Kind::Text;
    typed.text = added;
    typed.mods = g_mods;
    typed.pasted = true;
    g_typed.push_back(std::move(typed));
}

void queue_page_focus(unsigned int widget_id) {
    Typed typed;
    typed.kind = Typed::Kind::Focus;
    typed.widget = widget_id;
    g_typed.push_back(std::move(typed));
}

void queue_page_activation(unsigned int widget_id) {
    Typed typed;
    typed.kind = Typed::Kind::Activate;
    typed.widget = widget_id;
    g_typed.push_back(std::move(typed));
}

unsigned int take_page_focus() {
    return std::exchange(g_page_focus, 0);
}

void queue_text_replacement(const std::string& text) {
    for (const ImGuiKey key : {ImGuiKey_A, ImGuiKey_Backspace})
        for (const bool down : {true, false}) {
            Typed erase;
            erase.key = key;
            erase.down = down;
            erase.mods = key == ImGuiKey_A ? GLFW_MOD_CONTROL : 0; // Ctrl+A: all of it
            g_typed.push_back(std::move(erase));
        }
    queue_text_edit(0, text);
}

void feed_typed_input() {
    ImGuiIO& io = ImGui::GetIO();
    g_page_focus = 0;
    ++g_frames_since_page;
    const bool may_move = focus_may_move();
    if (may_move)
        g_frames_since_move = 0;
    else
        ++g_frames_since_move;
    // The last frame's character key, pressed where no field was editing, moved the focus: the
    // app took it as a shortcut ("/" to search, Space on a button that opens a form), and its
    // character is not typed into the field that gets the focus (a web page's handler would
    // have prevented it).
    if (std::exchange(g_shortcut_watch, false) && may_move && !g_typed.empty() &&
        g_typed.front().kind == Typed::Kind::Text && !g_typed.front().pasted)
        g_typed.pop_front();
    bool moved_this_frame = false;
    while (!g_typed.empty()) {
        Typed& next = g_typed.front();
        // What comes after a focus or activation from the page waits until it has taken effect:
        // the widget focuses when drawn this frame, a field edits the next.
        if (g_frames_since_page < 2)
            break;
        if (next.kind == Typed::Kind::Focus || next.kind == Typed::Kind::Activate) {
            if (moved_this_frame || g_frames_since_move < 2)
                break; // the keys before it (a Tab) take effect first
            if (next.kind == Typed::Kind::Focus)
                g_page_focus = next.widget;
            else
                ImGui::ActivateItemByID(next.widget); // pressed when next drawn, as with Space
            g_frames_since_page = 0;
            g_frames_since_move = 0;
            g_typed.pop_front();
            break;
        }
        if (next.kind == Typed::Kind::Key) {
            // A character key where nothing edits and nothing moves: maybe a shortcut (above).
            const bool watch = next.down && only_types(next.key, next.mods) && !moved_this_frame && !may_move &&
                               !text_field_editing() && g_typed.size() > 1 && g_typed[1].kind == Typed::Kind::Text;
            add_mods(io, next.mods);
            io.AddKeyEvent(next.key, next.down);
            if (next.down && !only_types(next.key, next.mods)) {
                moved_this_frame = true;
                g_frames_since_move = 0;
            }
            g_typed.pop_front();
            if (watch) {
                g_shortcut_watch = true;
                break; // what the app made of it shows next frame
            }
            continue;
        }
        // Text waits for the keys before it (a Tab to the next field) to have taken effect.
        if (moved_this_frame || g_frames_since_move < 2)
            break;
        if (!text_field_editing()) {
            if (g_frames_since_move < 8 || text_field_activating())
                break;           // a field may still be on its way (a new screen focuses its first one)
            g_typed.pop_front(); // typed where there is no field: nothing takes it
            continue;
        }
        // Pasted with Ctrl held: Dear ImGui ignores characters while Ctrl is down (shortcuts).
        const bool under_ctrl = next.pasted && (next.mods & (GLFW_MOD_CONTROL | GLFW_MOD_SUPER));
        if (under_ctrl)
            add_mods(io, next.mods & ~(GLFW_MOD_CONTROL | GLFW_MOD_SUPER));
        io.AddInputCharactersUTF8(next.text.c_str());
        if (under_ctrl)
            add_mods(io, next.mods);
        g_typed.pop_front();
    }
}

} // namespace isp::webapp::platform
