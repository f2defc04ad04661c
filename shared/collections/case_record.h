// A collection case as staff see it (with its invoice's figures and its client's name),
// the dunning actions recorded on it, and which cases a list shows. The store reads
// them, the collections service answers them, the wire writes them.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "shared/collections/collection_case.h"
#include "shared/domain/money.h"

namespace isp {

struct CollectionCase {
    std::string case_id;
    std::string invoice_id;
    std::string invoice_number;
    std::string client_id;
    std::string client_name;
    CaseStatus status = CaseStatus::Open;
    std::string opened_on;
    std::optional<std::string> closed_on;
    std::optional<std::string> close_reason;
    std::string due_date;
    Money invoice_total;
    Money outstanding;
    std::int64_t days_overdue = 0; // 0 once nothing is outstanding
    std::int64_t action_count = 0;
    std::optional<std::string> last_action_at;
    std::string created_at;
    std::string updated_at;
};

struct CollectionAction {
    std::int64_t action_id = 0;
    std::string case_id;
    CollectionActionKind kind = CollectionActionKind::Note;
    std::string note;
    std::string actor;
    std::string at;
};

// Which cases a list shows; an absent field does not filter.
struct CaseFilter {
    std::optional<CaseStatus> status;
    std::optional<std::string> client_id;
    std::optional<std::int64_t> min_days_overdue;
};

} // namespace isp
