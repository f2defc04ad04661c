#include "webapp/semantics/semantics_diff.h"

#include <unordered_map>

namespace isp::webapp::semantics {
namespace {

Key parent_key(const Tree& tree, const Node& node) {
    return node.parent < 0 ? 0 : tree.nodes()[static_cast<std::size_t>(node.parent)].key;
}

std::uint32_t changed_attributes(const Node& before, const Node& now) {
    std::uint32_t changed = 0;
    if (before.name != now.name)
        changed |= NameChanged;
    if (before.description != now.description)
        changed |= DescriptionChanged;
    if (before.value != now.value)
        changed |= ValueChanged;
    if (before.error != now.error)
        changed |= ErrorChanged;
    if (before.disabled != now.disabled || before.checked != now.checked || before.pressed != now.pressed ||
        before.current != now.current || before.kind != now.kind || before.level != now.level ||
        before.focusable != now.focusable)
        changed |= StateChanged;
    if (!(before.box == now.box))
        changed |= BoxChanged;
    if (before.focused != now.focused)
        changed |= FocusChanged;
    return changed;
}

// For each node: whether the mirror's element for it stays (same key, role and parent, and its
// parent stays too), indexed like tree.nodes(); and the index of the node with the same key in
// `other` (-1 when none).
struct Kept {
    std::vector<bool> kept;
    std::vector<int> other;
};

// Node index by key; the map type is the tree's own (one instantiation in the download).
using IndexByKey = std::unordered_map<Key, std::uint32_t>;

Kept kept_nodes(const Tree& tree, const Tree& other, const IndexByKey& other_index) {
    Kept out;
    out.kept.resize(tree.nodes().size(), false);
    out.other.resize(tree.nodes().size(), -1);
    for (std::size_t i = 0; i < tree.nodes().size(); ++i) {
        const Node& n = tree.nodes()[i];
        const auto found = other_index.find(n.key);
        if (found == other_index.end())
            continue;
        out.other[i] = static_cast<int>(found->second);
        const Node& o = other.nodes()[found->second];
        const bool parent_kept = n.parent < 0 || out.kept[static_cast<std::size_t>(n.parent)];
        out.kept[i] = o.role == n.role && parent_key(tree, n) == parent_key(other, o) && parent_kept;
    }
    return out;
}

// For each node, the key of the sibling before it among those whose element stays (0: none).
std::vector<Key> kept_predecessors(const Tree& tree, const std::vector<bool>& kept) {
    std::vector<Key> out(tree.nodes().size(), 0);
    std::vector<Key> last_kept_child(tree.nodes().size() + 1, 0); // by parent index + 1: its last kept child so far
    for (std::size_t i = 0; i < tree.nodes().size(); ++i) {
        if (!kept[i])
            continue;
        const Node& n = tree.nodes()[i];
        Key& last = last_kept_child[static_cast<std::size_t>(n.parent + 1)];
        out[i] = last;
        last = n.key;
    }
    return out;
}

IndexByKey index_by_key(const Tree& tree) {
    IndexByKey out;
    out.reserve(tree.nodes().size());
    for (std::size_t i = 0; i < tree.nodes().size(); ++i)
        out.emplace(tree.nodes()[i].key, static_cast<std::uint32_t>(i));
    return out;
}

} // namespace

std::vector<Change> diff(const Tree& previous, const Tree& current) {
    const IndexByKey previous_index = index_by_key(previous);
    const IndexByKey current_index = index_by_key(current);
    const Kept now = kept_nodes(current, previous, previous_index);
    const Kept before = kept_nodes(previous, current, current_index);
    const std::vector<Key> now_predecessor = kept_predecessors(current, now.kept);
    const std::vector<Key> before_predecessor = kept_predecessors(previous, before.kept);

    std::vector<Change> changes;
    // Removed: the last frame's nodes whose element does not stay, innermost first.
    for (std::size_t i = previous.nodes().size(); i-- > 0;)
        if (!before.kept[i]) {
            Change c;
            c.kind = Change::Kind::Remove;
            c.key = previous.nodes()[i].key;
            changes.push_back(c);
        }

    std::vector<Key> last_child(current.nodes().size() + 1, 0); // by parent index + 1: its last child placed so far
    for (std::size_t i = 0; i < current.nodes().size(); ++i) {
        const Node& n = current.nodes()[i];
        Key& after = last_child[static_cast<std::size_t>(n.parent + 1)];
        Change c;
        c.key = n.key;
        c.parent = parent_key(current, n);
        c.after = after;
        c.node = &n;
        after = n.key;
        if (!now.kept[i]) {
            c.kind = Change::Kind::Create;
            c.attributes = AllAttributes;
            changes.push_back(c);
            continue;
        }
        const std::size_t was = static_cast<std::size_t>(now.other[i]);
        if (now_predecessor[i] != before_predecessor[was]) {
            c.kind = Change::Kind::Move;
            changes.push_back(c);
        }
        c.attributes = changed_attributes(previous.nodes()[was], n);
        if (c.attributes != 0) {
            c.kind = Change::Kind::Update;
            changes.push_back(c);
        }
    }
    return changes;
}

} // namespace isp::webapp::semantics
