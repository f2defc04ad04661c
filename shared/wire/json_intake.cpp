#include "shared/wire/json_intake.h"

#include <vector>

#include "shared/domain/text.h"

namespace isp::wire {
namespace {

using json = nlohmann::json;

// Builds the value as nlohmann's parser reads it (SAX), refusing what I-JSON refuses as
// soon as it is seen. Returning false stops the parser.
class StrictBuilder {
public:
    StrictBuilder(int max_depth, JsonIntakeError& error) : max_depth_(max_depth), error_(error) {}

    json take() { return std::move(root_); }

    bool null() { return put(nullptr); }
    bool boolean(bool v) { return put(v); }
    bool number_integer(json::number_integer_t v) { return put(v); }
    bool number_unsigned(json::number_unsigned_t v) { return put(v); }
    bool number_float(json::number_float_t v, const json::string_t&) { return put(v); }
    bool string(json::string_t& v) { return put(std::move(v)); }
    bool binary(json::binary_t&) { return fail("malformed_json"); } // never produced by the JSON lexer

    bool start_object(std::size_t) { return open(json::object()); }
    bool start_array(std::size_t) { return open(json::array()); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }

    bool key(json::string_t& k) {
        Level& level = levels_.back();
        if (level.value->contains(k)) {
            key_ = std::move(k);
            return fail("duplicate_key", field_name(&key_));
        }
        key_ = std::move(k);
        return true;
    }

    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) {
        error_.byte = position > 0 ? position - 1 : 0;
        if (e.id == 406) // a number beyond what a double holds: 1e999, a 400-digit integer
            return fail("number_out_of_range", field_name(levels_.empty() ? nullptr : &key_));
        return fail(done_ ? "trailing_data" : "malformed_json");
    }

    bool failed() const { return failed_; }

private:
    struct Level {
        json* value;
        std::size_t index = 0; // arrays: the next element's index
    };

    // Where the next value goes: the root, the current array, or the current object's key.
    json* slot() {
        if (levels_.empty()) {
            done_ = true;
            return &root_;
        }
        Level& level = levels_.back();
        if (level.value->is_array()) {
            ++level.index;
            level.value->push_back(nullptr);
            return &level.value->back();
        }
        return &(*level.value)[key_];
    }

    bool put(json v) {
        *slot() = std::move(v);
        return true;
    }

    bool open(json empty) {
        if (static_cast<int>(levels_.size()) >= max_depth_)
            return fail("json_too_deep", field_name(levels_.empty() ? nullptr : &key_));
        json* where = slot();
        done_ = false;
        *where = std::move(empty);
        names_.push_back(levels_.empty()                    ? std::string()
                         : levels_.back().value->is_array() ? "[" + std::to_string(levels_.back().index - 1) + "]"
                                                            : key_);
        levels_.push_back({where});
        return true;
    }

    bool close() {
        levels_.pop_back();
        names_.pop_back();
        done_ = levels_.empty();
        return true;
    }

    // "subscriber.first_name", "lines[2].amount": the open levels, then `last` (a key).
    std::string field_name(const std::string* last) const {
        std::string out;
        for (std::size_t i = 1; i < names_.size(); ++i) {
            if (!out.empty() && (names_[i].empty() || names_[i].front() != '['))
                out += '.';
            out += names_[i];
        }
        if (last && !levels_.empty() && levels_.back().value->is_object()) {
            if (!out.empty())
                out += '.';
            out += *last;
        } else if (!levels_.empty() && levels_.back().value->is_array()) {
            out += "[" + std::to_string(levels_.back().index) + "]";
        }
        return out;
    }

    bool fail(const char* code, std::string field = {}) {
        if (!failed_) {
            failed_ = true;
            error_.code = code;
            error_.field = std::move(field);
        }
        return false;
    }

    const int max_depth_;
    JsonIntakeError& error_;
    json root_;
    std::vector<Level> levels_;
    std::vector<std::string> names_; // per open level: its key or [index] in its parent
    std::string key_;
    bool done_ = false; // a whole value has been read at the top level
    bool failed_ = false;
};

} // namespace

std::optional<nlohmann::json> read_json_strictly(std::string_view text, const JsonIntakeLimits& limits,
                                                 JsonIntakeError& error) {
    error = {};
    if (text.size() > limits.max_bytes) {
        error.code = "body_too_large";
        error.byte = limits.max_bytes;
        return std::nullopt;
    }
    if (const std::size_t valid = utf8_valid_prefix(text); valid != text.size()) {
        error.code = "invalid_utf8";
        error.byte = valid;
        return std::nullopt;
    }
    // nlohmann's lexer takes a NUL byte for the end of the input, which would let
    // `{...}\0garbage` through; JSON has no place for a raw NUL anyway.
    if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
        error.code = "malformed_json";
        error.byte = nul;
        return std::nullopt;
    }
    StrictBuilder builder(limits.max_depth, error);
    const bool ok = json::sax_parse(text.begin(), text.end(), &builder, json::input_format_t::json, /*strict=*/true,
                                    /*ignore_comments=*/false);
    if (!ok || builder.failed()) {
        if (error.code.empty())
            error.code = "malformed_json";
        return std::nullopt;
    }
    return builder.take();
}

std::string describe(const JsonIntakeError& e) {
    const std::string at = " (byte " + std::to_string(e.byte) + ")";
    const std::string in = e.field.empty() ? std::string() : " in \"" + e.field + "\"";
    if (e.code == "body_too_large")
        return "The request body is larger than " + std::to_string(e.byte) + " bytes.";
    if (e.code == "invalid_utf8")
        return "The request body is not valid UTF-8" + at + ".";
    if (e.code == "trailing_data")
        return "The request body has more after its JSON value" + at + "; send exactly one value.";
    if (e.code == "json_too_deep")
        return "The request body nests objects or arrays too deeply" + in + at + ".";
    if (e.code == "number_out_of_range")
        return "A number is too large to be represented" + in + at + ".";
    if (e.code == "duplicate_key")
        return "A member name appears twice in the same object" + in + at + ".";
    return "The request body is not valid JSON" + at + ".";
}

} // namespace isp::wire
