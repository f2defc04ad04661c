#include "shared/collections/collection_case.h"

namespace isp {

std::string_view to_string(CaseStatus status) {
    switch (status) {
    case CaseStatus::Open: return "open";
    case CaseStatus::InProgress: return "in_progress";
    case CaseStatus::PromiseToPay: return "promise_to_pay";
    case CaseStatus::Closed: return "closed";
    }
    return "open";
}

std::optional<CaseStatus> parse_case_status(std::string_view text) {
    for (CaseStatus s : all_case_statuses)
        if (to_string(s) == text)
            return s;
    return std::nullopt;
}

std::optional<CaseTransitionRefusal> check_case_transition(CaseStatus from, bool closed_by_payment, CaseStatus to,
                                                           std::int64_t outstanding_minor) {
    if (from == to)
        return std::nullopt;
    if (from == CaseStatus::Closed) {
        if (closed_by_payment)
            return CaseTransitionRefusal::ClosedByPayment;
        if (outstanding_minor <= 0)
            return CaseTransitionRefusal::InvoiceSettled;
    }
    return std::nullopt;
}

std::string_view to_string(CollectionActionKind kind) {
    switch (kind) {
    case CollectionActionKind::Call: return "call";
    case CollectionActionKind::Sms: return "sms";
    case CollectionActionKind::Email: return "email";
    case CollectionActionKind::Letter: return "letter";
    case CollectionActionKind::Note: return "note";
    case CollectionActionKind::Reminder: return "reminder";
    case CollectionActionKind::Suspension: return "suspension";
    case CollectionActionKind::Resume: return "resume";
    }
    return "note";
}

bool recorded_by_staff(CollectionActionKind kind) {
    return kind != CollectionActionKind::Reminder && kind != CollectionActionKind::Suspension &&
           kind != CollectionActionKind::Resume;
}

std::optional<CollectionActionKind> parse_collection_action_kind(std::string_view text) {
    for (CollectionActionKind k : all_collection_action_kinds)
        if (to_string(k) == text)
            return k;
    return std::nullopt;
}

std::optional<std::size_t> ageing_bucket_of(std::int64_t days_past_due) {
    for (std::size_t i = 0; i < ageing_buckets.size(); ++i)
        if (days_past_due >= ageing_buckets[i].min_days &&
            (!ageing_buckets[i].max_days || days_past_due <= *ageing_buckets[i].max_days))
            return i;
    return std::nullopt;
}

} // namespace isp
