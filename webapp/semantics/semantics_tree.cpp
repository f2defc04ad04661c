#include "webapp/semantics/semantics_tree.h"

#include <algorithm>

namespace isp::webapp::semantics {
namespace {

// FNV-1a: small, and the same on every platform (keys must not depend on std::hash).
Key mix(Key hash, std::string_view bytes) {
    for (const unsigned char c : bytes) {
        hash ^= c;
        hash *= 16777619u;
    }
    return hash;
}

Key mix(Key hash, std::uint32_t value) {
    const char bytes[4] = {static_cast<char>(value), static_cast<char>(value >> 8), static_cast<char>(value >> 16),
                           static_cast<char>(value >> 24)};
    return mix(hash, std::string_view(bytes, 4));
}

} // namespace

int Tree::add(Node node) {
    node.parent = open_.empty() ? -1 : open_.back();
    if (node.kind == FieldKind::CurrentPassword || node.kind == FieldKind::NewPassword)
        node.value.clear(); // never in the page's DOM: it is drawn as dots
    if (node.key == 0) {
        const Key parent_key = node.parent < 0 ? 0 : nodes_[static_cast<std::size_t>(node.parent)].key;
        Key key = mix(mix(2166136261u, parent_key), static_cast<std::uint32_t>(node.role));
        key = mix(key, node.name);
        // The n-th sibling with the same role and name ("-" separators, two equal totals).
        node.key = mix(key, ranks_[key]++);
    }
    // Rare: two ids alike (or a derived key equal to a widget's id). Later ones are moved on.
    while (node.key == 0 || used_keys_.contains(node.key))
        node.key = mix(node.key, 0x9E3779B9u);
    used_keys_.emplace(node.key, 0);
    nodes_.push_back(std::move(node));
    return static_cast<int>(nodes_.size()) - 1;
}

int Tree::open(Node node) {
    const int index = add(std::move(node));
    open_.push_back(index);
    return index;
}

void Tree::close() {
    if (open_.empty())
        return;
    const int index = open_.back();
    open_.pop_back();
    Node& group = nodes_[static_cast<std::size_t>(index)];
    if (group.box.w != 0 || group.box.h != 0)
        return;
    // A group (a radio group, a table's row) is where its children are.
    bool any = false;
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    for (std::size_t i = static_cast<std::size_t>(index) + 1; i < nodes_.size(); ++i) {
        const Node& child = nodes_[i];
        if (child.parent != index || (child.box.w == 0 && child.box.h == 0))
            continue;
        x0 = any ? std::min(x0, child.box.x) : child.box.x;
        y0 = any ? std::min(y0, child.box.y) : child.box.y;
        x1 = any ? std::max(x1, child.box.x + child.box.w) : child.box.x + child.box.w;
        y1 = any ? std::max(y1, child.box.y + child.box.h) : child.box.y + child.box.h;
        any = true;
    }
    if (any)
        group.box = Box{x0, y0, x1 - x0, y1 - y0};
}

void Tree::absorb_preceding_text(std::string_view text) {
    if (text.empty())
        return;
    const int parent = open_.empty() ? -1 : open_.back();
    // The label, or the hint drawn between the label and the field: the last two nodes.
    for (std::size_t back = 1; back <= 2 && back <= nodes_.size(); ++back) {
        const std::size_t i = nodes_.size() - back;
        const Node& candidate = nodes_[i];
        if (candidate.role == Role::Text && candidate.parent == parent && candidate.name == text) {
            used_keys_.erase(candidate.key);
            nodes_.erase(nodes_.begin() + static_cast<std::ptrdiff_t>(i));
            return;
        }
    }
}

bool Tree::is_last_field_error(std::string_view text) const {
    return !nodes_.empty() && nodes_.back().role == Role::TextField && !text.empty() && nodes_.back().error == text;
}

int Tree::index_of(Key key) const {
    const auto found = std::find_if(nodes_.begin(), nodes_.end(), [key](const Node& n) { return n.key == key; });
    return found == nodes_.end() ? -1 : static_cast<int>(found - nodes_.begin());
}

void Tree::clear() {
    nodes_.clear();
    open_.clear();
    used_keys_.clear();
    ranks_.clear();
}

} // namespace isp::webapp::semantics
