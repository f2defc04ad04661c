#include "shared/domain/scheduled_change.h"

namespace isp {

std::string_view to_string(ScheduledChangeKind kind) {
    return kind == ScheduledChangeKind::Offer ? "offer" : "status";
}

std::optional<ScheduledChangeKind> parse_scheduled_change_kind(std::string_view text) {
    if (text == "status")
        return ScheduledChangeKind::Status;
    if (text == "offer")
        return ScheduledChangeKind::Offer;
    return std::nullopt;
}

ContractStatus status_after(ContractStatus now, const std::vector<ScheduledChange>& pending) {
    for (const ScheduledChange& s : pending)
        if (s.kind == ScheduledChangeKind::Status)
            now = s.status;
    return now;
}

const ScheduledChange* pending_termination(const std::vector<ScheduledChange>& pending) {
    for (const ScheduledChange& s : pending)
        if (s.kind == ScheduledChangeKind::Status && s.status == ContractStatus::Terminated)
            return &s;
    return nullptr;
}

std::string describe_scheduled_change(const ScheduledChange& change) {
    const std::string what =
        change.kind == ScheduledChangeKind::Offer ? "offer " + change.offer_id : std::string{to_string(change.status)};
    return what + " from " + change.effective_date.to_iso();
}

const ScheduledChange* pending_offer_change(const std::vector<ScheduledChange>& pending) {
    for (const ScheduledChange& s : pending)
        if (s.kind == ScheduledChangeKind::Offer)
            return &s;
    return nullptr;
}

} // namespace isp
