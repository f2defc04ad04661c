// The semantics tree a frame's widgets fill, and the changes that bring the page's mirror from
// one frame's tree to the next: applied to a model of the DOM (elements under parents, in
// order, with their attributes), the result must be the new tree, and a frame that changed
// nothing, or one thing, must cost no change, or one.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "webapp/semantics/semantics_diff.h"
#include "webapp/semantics/semantics_tree.h"

namespace sem = isp::webapp::semantics;
using sem::Change;
using sem::Node;
using sem::Role;

namespace {

Node node(Role role, std::string name, sem::Key key = 0) {
    Node n;
    n.role = role;
    n.name = std::move(name);
    n.key = key;
    n.focusable = role == Role::Button || role == Role::TextField || role == Role::Radio;
    return n;
}

// The verify screen as its widgets draw it: the heading, the intro, two labelled fields with
// a hint, the buttons. `cin` is the CIN field's text, `error` its error.
sem::Tree verify_screen(const std::string& cin = "", const std::string& error = "", bool focus_cin = false) {
    sem::Tree t;
    t.add(node(Role::Button, "FR", 101));
    t.add(node(Role::Button, "EN", 102));
    Node h = node(Role::Heading, "Vérifier mon identité");
    h.level = 1;
    t.add(h);
    t.add(node(Role::Text, "Saisissez votre CIN."));
    t.add(node(Role::Text, "CIN"));
    Node field = node(Role::TextField, "CIN", 201);
    field.value = cin;
    field.error = error;
    field.focused = focus_cin;
    t.absorb_preceding_text("CIN");
    t.add(field);
    t.add(node(Role::Text, "Numéro de ligne"));
    t.add(node(Role::Text, "10 chiffres"));
    Node line = node(Role::TextField, "Numéro de ligne", 202);
    line.description = "10 chiffres";
    line.kind = sem::FieldKind::Telephone;
    t.absorb_preceding_text("10 chiffres");
    t.absorb_preceding_text("Numéro de ligne");
    t.add(line);
    t.add(node(Role::Button, "Vérifier", 301));
    t.add(node(Role::Button, "Retour aux offres", 302));
    return t;
}

// The page's mirror, as the DOM holds it: each element's attributes and its children in order.
struct Dom {
    std::map<sem::Key, Node> elements;
    std::map<sem::Key, std::vector<sem::Key>> children; // 0: the mirror's root
    int touched = 0;                                    // changes applied

    void apply(const std::vector<Change>& changes) {
        for (const Change& c : changes) {
            ++touched;
            switch (c.kind) {
            case Change::Kind::Remove: remove(c.key); break;
            case Change::Kind::Create:
                REQUIRE_FALSE(elements.contains(c.key));
                elements[c.key] = *c.node;
                place(c);
                break;
            case Change::Kind::Move:
                REQUIRE(elements.contains(c.key));
                detach(c.key);
                place(c);
                break;
            case Change::Kind::Update:
                REQUIRE(elements.contains(c.key));
                elements[c.key] = *c.node;
                break;
            }
        }
    }
    void place(const Change& c) {
        std::vector<sem::Key>& siblings = children[c.parent];
        if (c.parent != 0)
            REQUIRE(elements.contains(c.parent)); // its parent is placed first
        if (c.after == 0) {
            siblings.insert(siblings.begin(), c.key);
            return;
        }
        const auto at = std::find(siblings.begin(), siblings.end(), c.after);
        REQUIRE(at != siblings.end()); // its preceding sibling is placed first
        siblings.insert(at + 1, c.key);
    }
    void detach(sem::Key key) {
        for (auto& [parent, list] : children)
            std::erase(list, key);
    }
    void remove(sem::Key key) {
        if (!elements.contains(key))
            return; // already gone with its parent
        for (const sem::Key child : std::vector<sem::Key>(children[key]))
            remove(child);
        children.erase(key);
        detach(key);
        elements.erase(key);
    }
    // The tree the DOM shows, in reading order: (depth, key, attributes).
    void walk(sem::Key parent, int depth, std::vector<std::pair<int, Node>>& out) const {
        const auto found = children.find(parent);
        if (found == children.end())
            return;
        for (const sem::Key k : found->second) {
            out.emplace_back(depth, elements.at(k));
            walk(k, depth + 1, out);
        }
    }
};

// The same tree, as (depth, node) in reading order, parent indexes left out.
std::vector<std::pair<int, Node>> shape(const sem::Tree& t) {
    std::vector<std::pair<int, Node>> out;
    for (const Node& n : t.nodes()) {
        int depth = 0;
        for (int p = n.parent; p >= 0; p = t.nodes()[static_cast<std::size_t>(p)].parent)
            ++depth;
        out.emplace_back(depth, n);
    }
    return out;
}

void check_mirror(const Dom& dom, const sem::Tree& t) {
    std::vector<std::pair<int, Node>> shown;
    dom.walk(0, 0, shown);
    const auto wanted = shape(t);
    REQUIRE(shown.size() == wanted.size());
    for (std::size_t i = 0; i < wanted.size(); ++i) {
        CHECK(shown[i].first == wanted[i].first);
        CHECK(shown[i].second.key == wanted[i].second.key);
        CHECK(shown[i].second.name == wanted[i].second.name);
        CHECK(shown[i].second.value == wanted[i].second.value);
        CHECK(shown[i].second.error == wanted[i].second.error);
        CHECK(shown[i].second.focused == wanted[i].second.focused);
    }
}

std::vector<Change> of_kind(const std::vector<Change>& changes, Change::Kind kind) {
    std::vector<Change> out;
    std::copy_if(changes.begin(), changes.end(), std::back_inserter(out),
                 [kind](const Change& c) { return c.kind == kind; });
    return out;
}

} // namespace

TEST_CASE("a field's label and hint are read with the field, once, and not as text of their own") {
    const sem::Tree t = verify_screen();
    std::vector<std::string> read;
    for (const Node& n : t.nodes())
        read.push_back(n.name);
    CHECK(read == std::vector<std::string>{"FR", "EN", "Vérifier mon identité", "Saisissez votre CIN.", "CIN",
                                           "Numéro de ligne", "Vérifier", "Retour aux offres"});
    CHECK(t.nodes()[4].role == Role::TextField);
    CHECK(t.nodes()[5].description == "10 chiffres");
}

TEST_CASE("a field's error drawn under it is the field's own, not text read again") {
    sem::Tree t = verify_screen("AB12", "CIN invalide");
    CHECK(t.nodes().back().role == Role::Button);
    sem::Tree only_field;
    Node f = node(Role::TextField, "CIN", 201);
    f.error = "CIN invalide";
    only_field.add(f);
    CHECK(only_field.is_last_field_error("CIN invalide"));
    CHECK_FALSE(only_field.is_last_field_error("autre chose"));
    CHECK_FALSE(only_field.is_last_field_error(""));
}

TEST_CASE("text keeps its key from frame to frame; equal texts under one parent get keys of their own") {
    const sem::Tree a = verify_screen();
    const sem::Tree b = verify_screen("AB");
    CHECK(a.nodes()[2].key == b.nodes()[2].key);
    sem::Tree t;
    t.add(node(Role::Text, "12,00 MAD"));
    t.add(node(Role::Text, "12,00 MAD"));
    t.add(node(Role::Button, "x", 7));
    t.add(node(Role::Button, "y", 7)); // the same widget id twice (a bug of the screen): still two nodes
    CHECK(t.nodes()[0].key != t.nodes()[1].key);
    CHECK(t.nodes()[2].key == 7);
    CHECK(t.nodes()[3].key != 7);
    CHECK(t.index_of(7) == 2);
}

TEST_CASE("the first frame creates every node in reading order; an unchanged frame changes nothing") {
    const sem::Tree first = verify_screen();
    Dom dom;
    const auto created = sem::diff(sem::Tree{}, first);
    CHECK(created.size() == first.nodes().size());
    CHECK(of_kind(created, Change::Kind::Create).size() == first.nodes().size());
    dom.apply(created);
    check_mirror(dom, first);
    CHECK(sem::diff(first, verify_screen()).empty());
}

TEST_CASE("typing into a field, its error and the focus change only that field's element") {
    const sem::Tree before = verify_screen();
    Dom dom;
    dom.apply(sem::diff(sem::Tree{}, before));

    const sem::Tree typed = verify_screen("AB1", "", true);
    const auto changes = sem::diff(before, typed);
    REQUIRE(changes.size() == 1);
    CHECK(changes[0].kind == Change::Kind::Update);
    CHECK(changes[0].key == 201);
    CHECK(changes[0].attributes == (sem::ValueChanged | sem::FocusChanged));
    dom.apply(changes);
    check_mirror(dom, typed);

    const sem::Tree wrong = verify_screen("AB1", "CIN invalide", true);
    const auto error = sem::diff(typed, wrong);
    REQUIRE(error.size() == 1);
    CHECK(error[0].attributes == sem::ErrorChanged);
    dom.apply(error);
    check_mirror(dom, wrong);
}

TEST_CASE("a scrolled page moves the boxes, and nothing else") {
    const sem::Tree before = verify_screen();
    sem::Tree scrolled;
    for (Node n : before.nodes()) {
        n.key = n.role == Role::Text || n.role == Role::Heading ? 0 : n.key;
        n.box.y -= 40;
        n.parent = -1;
        scrolled.add(n);
    }
    const auto changes = sem::diff(before, scrolled);
    CHECK(changes.size() == before.nodes().size());
    for (const Change& c : changes) {
        CHECK(c.kind == Change::Kind::Update);
        CHECK(c.attributes == sem::BoxChanged);
    }
}

TEST_CASE("a message shown above the buttons is one new element in its place; gone, one removal") {
    const sem::Tree before = verify_screen();
    Dom dom;
    dom.apply(sem::diff(sem::Tree{}, before));

    sem::Tree with_notice;
    for (const Node& n : before.nodes()) {
        if (n.key == 301)
            with_notice.add(node(Role::Text, "Aucun client avec ce CIN."));
        Node copy = n;
        copy.parent = -1;
        with_notice.add(copy);
    }
    const auto shown = sem::diff(before, with_notice);
    REQUIRE(shown.size() == 1);
    CHECK(shown[0].kind == Change::Kind::Create);
    CHECK(shown[0].after == 202); // after the line field, before "Vérifier"
    dom.apply(shown);
    check_mirror(dom, with_notice);

    const auto gone = sem::diff(with_notice, before);
    REQUIRE(gone.size() == 1);
    CHECK(gone[0].kind == Change::Kind::Remove);
    dom.apply(gone);
    check_mirror(dom, before);
}

TEST_CASE("a dialog opens over the page with its own content, and closes with it") {
    sem::Tree page;
    page.add(node(Role::Heading, "Clients"));
    page.add(node(Role::Button, "Suspendre", 10));
    Dom dom;
    dom.apply(sem::diff(sem::Tree{}, page));

    sem::Tree with_dialog;
    for (const Node& n : page.nodes())
        with_dialog.add(n);
    with_dialog.open(node(Role::Dialog, "Suspendre le contrat", 50));
    with_dialog.add(node(Role::TextField, "Motif", 51));
    with_dialog.add(node(Role::Button, "Confirmer", 52));
    with_dialog.close();
    const auto opened = sem::diff(page, with_dialog);
    CHECK(of_kind(opened, Change::Kind::Create).size() == 3);
    CHECK(opened[1].parent == 50);
    dom.apply(opened);
    check_mirror(dom, with_dialog);

    const auto closed = sem::diff(with_dialog, page);
    dom.apply(closed);
    check_mirror(dom, page);
    CHECK(dom.elements.size() == 2);
}

TEST_CASE("rows sorted the other way move; a table re-made under a new parent is created again") {
    auto table = [](const std::vector<std::string>& names, sem::Key table_key) {
        sem::Tree t;
        t.open(node(Role::Table, "Clients", table_key));
        for (const std::string& name : names) {
            Node row = node(Role::Row, name);
            row.key = static_cast<sem::Key>(1000 + name[0]);
            t.open(row);
            t.add(node(Role::Cell, name));
            t.add(node(Role::Cell, "actif"));
            t.close();
        }
        t.close();
        return t;
    };
    const sem::Tree ab = table({"Amina", "Badr", "Chama"}, 1);
    Dom dom;
    dom.apply(sem::diff(sem::Tree{}, ab));
    const sem::Tree ba = table({"Chama", "Badr", "Amina"}, 1);
    const auto sorted = sem::diff(ab, ba);
    CHECK(of_kind(sorted, Change::Kind::Create).empty());
    CHECK(of_kind(sorted, Change::Kind::Remove).empty());
    CHECK_FALSE(of_kind(sorted, Change::Kind::Move).empty());
    dom.apply(sorted);
    check_mirror(dom, ba);

    const sem::Tree other = table({"Chama", "Badr", "Amina"}, 2);
    dom.apply(sem::diff(ba, other));
    check_mirror(dom, other);
}

TEST_CASE("any sequence of frames leaves the mirror equal to the last tree") {
    // Frames made by dropping, adding, renaming and reordering nodes of a small screen.
    std::vector<sem::Tree> frames;
    unsigned seed = 12345u;
    auto next = [&seed] { return (seed = seed * 1103515245u + 12345u) >> 16; };
    for (int f = 0; f < 60; ++f) {
        sem::Tree t;
        const int groups = 1 + static_cast<int>(next() % 4);
        for (int g = 0; g < groups; ++g) {
            const bool as_dialog = next() % 3 == 0;
            t.open(node(as_dialog ? Role::Dialog : Role::Table, "g" + std::to_string(next() % 3),
                        static_cast<sem::Key>(500 + next() % 4)));
            const int items = static_cast<int>(next() % 5);
            for (int i = 0; i < items; ++i) {
                Node n = next() % 2 ? node(Role::Button, "b" + std::to_string(next() % 4),
                                           static_cast<sem::Key>(10 + next() % 6))
                                    : node(Role::Text, "t" + std::to_string(next() % 3));
                n.box.y = static_cast<int>(next() % 3);
                n.focused = next() % 7 == 0;
                t.add(n);
            }
            t.close();
        }
        frames.push_back(std::move(t));
    }
    Dom dom;
    const sem::Tree empty;
    const sem::Tree* last = &empty;
    for (const sem::Tree& t : frames) {
        dom.apply(sem::diff(*last, t));
        check_mirror(dom, t);
        last = &t;
    }
}

TEST_CASE("a password never reaches the mirror") {
    sem::Tree t;
    Node password = node(Role::TextField, "Mot de passe", 9);
    password.kind = sem::FieldKind::CurrentPassword;
    password.value = "s3cret-pass";
    t.add(password);
    CHECK(t.nodes()[0].value.empty());
}

TEST_CASE("a group drawn without a box of its own is where its children are") {
    sem::Tree t;
    t.open(node(Role::RadioGroup, "Durée d'engagement"));
    Node none = node(Role::Radio, "Sans engagement", 1);
    none.box = {100, 400, 150, 24};
    t.add(none);
    Node year = node(Role::Radio, "12 mois", 2);
    year.box = {270, 400, 90, 24};
    t.add(year);
    t.close();
    CHECK(t.nodes()[0].box == sem::Box{100, 400, 260, 24});
    t.open(node(Role::Dialog, "Motif", 3)); // no children with a box: none
    t.close();
    CHECK(t.nodes()[3].box == sem::Box{});
}
