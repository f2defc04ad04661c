// What staff ask of a collection case: a move to another status (a reason is required to
// close) and a dunning action to record on it.
#pragma once
#include <cstddef>
#include <optional>
#include <string>

#include "shared/collections/collection_case.h"

namespace isp {

inline constexpr std::size_t max_close_reason_chars = 200;

struct CaseStatusChange {
    CaseStatus status = CaseStatus::Open;
    std::optional<std::string> reason; // required to close
    bool operator==(const CaseStatusChange&) const = default;
};

struct NewCollectionAction {
    CollectionActionKind kind = CollectionActionKind::Note;
    std::string note;
    bool operator==(const NewCollectionAction&) const = default;
};

} // namespace isp
