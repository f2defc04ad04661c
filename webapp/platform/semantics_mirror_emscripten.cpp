// The screen-reader mirror in the page, through one EM_JS function that applies a change.
// Every element sits in one invisible root (#semantics) that lets the mouse through to the
// canvas; each is `position: fixed` over its widget, so nesting (a dialog's content, a
// table's rows) gives the structure without moving anything. Elements are <div>s with an ARIA
// role (no native <button>: the keyboard's Enter and Space reach the app through GLFW, and a
// native button would click itself a second time), except text fields, real <input>s (with
// their autocomplete token, type=password for a password), so that browsers offer autofill
// and password managers fill them.
#include "webapp/platform/semantics_mirror.h"

#include <emscripten.h>

#include "webapp/platform/typed_input.h"

namespace isp::webapp::platform {
namespace {

using semantics::Change;
using semantics::FieldKind;
using semantics::Role;

const char* aria_role(Role role) {
    switch (role) {
    case Role::Heading: return "heading";
    case Role::Text: return "";
    case Role::TextField: return "textbox";
    case Role::Button:
    case Role::ToggleButton: return "button";
    case Role::Link: return "link";
    case Role::Checkbox: return "checkbox";
    case Role::RadioGroup: return "radiogroup";
    case Role::Radio: return "radio";
    case Role::Table: return "table";
    case Role::Row: return "row";
    case Role::Cell: return "cell";
    case Role::ColumnHeader: return "columnheader";
    case Role::Dialog: return "dialog";
    }
    return "";
}

const char* autocomplete_token(FieldKind kind) {
    switch (kind) {
    case FieldKind::Text:
    case FieldKind::Search: return "off";
    case FieldKind::GivenName: return "given-name";
    case FieldKind::FamilyName: return "family-name";
    case FieldKind::Telephone: return "tel";
    case FieldKind::Email: return "email";
    case FieldKind::StreetAddress: return "street-address";
    case FieldKind::Username: return "username";
    case FieldKind::CurrentPassword: return "current-password";
    case FieldKind::NewPassword: return "new-password";
    case FieldKind::OneTimeCode: return "one-time-code";
    }
    return "off";
}

const char* input_type(FieldKind kind) {
    switch (kind) {
    case FieldKind::CurrentPassword:
    case FieldKind::NewPassword: return "password";
    case FieldKind::Telephone: return "tel";
    case FieldKind::Search: return "search";
    default: return "text"; // an e-mail too: type=email has no caret to keep at the end (inputmode says it)
    }
}

// Node flags, as the JavaScript below reads them.
enum Flag : int {
    Focusable = 1,
    Disabled = 2,
    Checked = 4,
    Pressed = 8,
    Current = 16,
    Focused = 32,
    Toggle = 64,     // a toggle button: aria-pressed, true or false
    Checkable = 128, // a checkbox or radio: aria-checked, true or false
};

// The EM_JS body below is JavaScript, which clang-format would mangle.
// clang-format off
// op: 0 create, 1 update, 2 move, 3 remove (Change::Kind's order). `attributes`: which of the
// node's attributes to write (semantics_diff.h's bits; all of them for a new node).
EM_JS(void, isp_mirror_change, (int op, unsigned key, unsigned parent, unsigned after, const char* role,
                                unsigned attributes, const char* name, const char* description, const char* value,
                                const char* error, const char* autocomplete, const char* type, int level, int flags,
                                int x, int y, int w, int h), {
    var m = Module.ispMirror;
    if (!m) {
        var root = document.createElement("div");
        root.id = "semantics";
        root.style.cssText = "position:fixed;left:0;top:0;width:0;height:0;opacity:0;pointer-events:none";
        document.body.appendChild(root);
        m = Module.ispMirror = { root: root, nodes: new Map(), moving: false };
    }
    key >>>= 0; parent >>>= 0; after >>>= 0;
    var node = m.nodes.get(key);
    if (op === 3) {
        if (node) {
            node.el.remove();
            m.nodes.delete(key);
        }
        return;
    }
    if (op === 0) {
        var r = UTF8ToString(role);
        var el = document.createElement("div");
        el.style.cssText = "position:fixed;margin:0;padding:0;border:0;box-sizing:border-box;font-size:16px;white-space:pre-wrap";
        node = { el: el, control: el, role: r, hint: null, error: null };
        if (r === "textbox") {
            var input = document.createElement("input");
            input.id = "semantics-" + key;
            input.style.cssText = "display:block;width:100%;height:100%;margin:0;padding:0;border:0;font-size:16px";
            input.spellcheck = false;
            input.setAttribute("autocapitalize", "off");
            el.appendChild(input);
            node.control = input;
            node.hint = document.createElement("div");
            node.hint.id = "semantics-" + key + "-hint";
            node.error = document.createElement("div");
            node.error.id = "semantics-" + key + "-error";
            el.appendChild(node.hint);
            el.appendChild(node.error);
            input.ispTyping = true;
            Module.ispTypedInput.listen(input, false);
        } else if (r) {
            el.setAttribute("role", r);
        }
        node.control.ispMirrored = true;
        if (flags & 1) {
            // Focused by the app (its Tab moves the page's focus along) and by screen readers; the
            // browser's own Tab is the app's (GLFW keeps it from the page).
            node.control.tabIndex = -1;
            node.control.addEventListener("focus", function() { if (!m.moving) _isp_page_focus(key); });
            if (r !== "textbox")
                node.control.addEventListener("click", function(e) { e.preventDefault(); _isp_page_activation(key); });
        }
        m.nodes.set(key, node);
    }
    if (!node)
        return;
    if (op === 0 || op === 2) {
        var container = parent ? (m.nodes.get(parent) || {}).el : m.root;
        if (!container)
            return;
        var previous = after ? m.nodes.get(after) : null;
        var next = previous ? previous.el.nextSibling : container.firstChild;
        if (next !== node.el)
            container.insertBefore(node.el, next);
    }
    var c = node.control;
    var set = function(attribute, on, text) {
        if (on) c.setAttribute(attribute, text); else c.removeAttribute(attribute);
    };
    if (attributes & 1) { // the name
        var n = UTF8ToString(name);
        if (node.role === "textbox" || node.role === "dialog" || node.role === "radiogroup" || node.role === "table")
            set("aria-label", n !== "", n);
        else if (node.role !== "row" && node.role !== "cell")
            c.textContent = n;
    }
    if (attributes & 2 && node.hint)
        node.hint.textContent = UTF8ToString(description);
    if (attributes & 8 && node.error) {
        var problem = UTF8ToString(error);
        node.error.textContent = problem;
        set("aria-invalid", problem !== "", "true");
    }
    if (attributes & 10 && node.hint) {
        var by = [];
        if (node.hint.textContent) by.push(node.hint.id);
        if (node.error.textContent) by.push(node.error.id);
        set("aria-describedby", by.length > 0, by.join(" "));
    }
    if (attributes & 4 && node.role === "textbox" && !c.ispComposing) {
        var v = UTF8ToString(value);
        if (c.value !== v) {
            c.value = v;
            c.ispBase = v;
        }
    }
    if (attributes & 16) { // states
        set("aria-disabled", flags & 2, "true");
        if (node.role === "textbox") {
            c.readOnly = !!(flags & 2);
            c.type = UTF8ToString(type);
            c.autocomplete = UTF8ToString(autocomplete);
            var email = c.autocomplete === "email" || c.autocomplete === "username";
            set("inputmode", email, "email");
        }
        if (node.role === "heading")
            c.setAttribute("aria-level", String(level));
        set("aria-pressed", flags & 64, flags & 8 ? "true" : "false");
        set("aria-checked", flags & 128, flags & 4 ? "true" : "false");
        set("aria-current", flags & 16, "page");
        if (node.role === "dialog")
            c.setAttribute("aria-modal", "true");
    }
    if (attributes & 32) { // the box, in CSS pixels
        var ratio = window.devicePixelRatio || 1;
        var s = node.el.style;
        s.left = (x / ratio) + "px";
        s.top = (y / ratio) + "px";
        s.width = (w / ratio) + "px";
        s.height = (h / ratio) + "px";
    }
    // The app's focus left: so does the page's, so that a screen reader's next move back to this
    // element is a focus again (and the hidden input takes the typing meanwhile).
    if (attributes & 64 && !(flags & 32) && document.activeElement === c) {
        m.moving = true;
        c.blur();
        m.moving = false;
    }
    // The app's focus moved here: the page's follows (not on a touch screen while the hidden
    // input holds it for the on-screen keyboard, which a move would close).
    if (attributes & 64 && flags & 32 && document.activeElement !== c) {
        var typed = Module.ispTypedInput;
        var touch = window.matchMedia && window.matchMedia("(pointer: coarse)").matches;
        if (!(touch && typed && document.activeElement === typed.hidden)) {
            if (!c.hasAttribute("tabindex"))
                c.tabIndex = -1; // a new screen's heading: focusable by the app only, not by Tab
            m.moving = true;
            c.focus({ preventScroll: true });
            m.moving = false;
            if (c.ispTyping)
                c.setSelectionRange(c.value.length, c.value.length);
        }
    }
});
// clang-format on

int flags_of(const semantics::Node& n) {
    int flags = 0;
    if (n.focusable)
        flags |= Focusable;
    if (n.disabled)
        flags |= Disabled;
    if (n.checked)
        flags |= Checked;
    if (n.pressed)
        flags |= Pressed;
    if (n.current)
        flags |= Current;
    if (n.focused)
        flags |= Focused;
    if (n.role == Role::ToggleButton)
        flags |= Toggle;
    if (n.role == Role::Checkbox || n.role == Role::Radio)
        flags |= Checkable;
    return flags;
}

} // namespace

// A mirrored element got the page's focus, or was activated (a click on it): from its event.
extern "C" EMSCRIPTEN_KEEPALIVE void isp_page_focus(unsigned int widget) {
    queue_page_focus(widget);
}

extern "C" EMSCRIPTEN_KEEPALIVE void isp_page_activation(unsigned int widget) {
    queue_page_activation(widget);
}

void apply_semantics_changes(const std::vector<Change>& changes) {
    for (const Change& c : changes) {
        if (c.kind == Change::Kind::Remove) {
            isp_mirror_change(3, c.key, 0, 0, "", 0, "", "", "", "", "", "", 0, 0, 0, 0, 0, 0);
            continue;
        }
        const semantics::Node& n = *c.node;
        const int op = c.kind == Change::Kind::Create ? 0 : c.kind == Change::Kind::Update ? 1 : 2;
        isp_mirror_change(op, c.key, c.parent, c.after, aria_role(n.role), c.attributes, n.name.c_str(),
                          n.description.c_str(), n.value.c_str(), n.error.c_str(), autocomplete_token(n.kind),
                          input_type(n.kind), n.level, flags_of(n), n.box.x, n.box.y, n.box.w, n.box.h);
    }
}

} // namespace isp::webapp::platform
