// The changes that turn the page's mirror of the last frame's semantics tree into this
// frame's: what appeared, what went, what moved among its siblings, and for what stayed,
// which of its attributes changed. Nothing changes the DOM for a node that did not change,
// so a screen reader's place and the focus survive every frame.
#pragma once
#include <cstdint>
#include <vector>

#include "webapp/semantics/semantics_tree.h"

namespace isp::webapp::semantics {

// Which attributes of a node changed (a bit each).
enum Attribute : std::uint32_t {
    NameChanged = 1u << 0,
    DescriptionChanged = 1u << 1,
    ValueChanged = 1u << 2,
    ErrorChanged = 1u << 3,
    StateChanged = 1u << 4, // disabled, checked, pressed, current, kind, level, role's own
    BoxChanged = 1u << 5,
    FocusChanged = 1u << 6,
    AllAttributes = 0x7Fu,
};

struct Change {
    enum class Kind : std::uint8_t {
        Create, // a new node: placed under `parent`, after `after` (0: first of its siblings)
        Update, // `attributes` of `node` changed
        Move,   // the node stays, under the same parent, now after `after`
        Remove, // gone, with what is under it
    };
    Kind kind = Kind::Update;
    Key key = 0;
    Key parent = 0; // 0: at the top
    Key after = 0;
    std::uint32_t attributes = 0;
    const Node* node = nullptr; // in the current tree (Create, Update, Move)
};

// Removes first (children before what they are in), then creates, moves and updates in
// reading order: a node's parent and preceding sibling are in place when it is placed.
// A node whose parent changed is removed and created again.
std::vector<Change> diff(const Tree& previous, const Tree& current);

} // namespace isp::webapp::semantics
