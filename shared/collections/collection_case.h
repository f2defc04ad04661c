// Collection cases (process map P15): the recovery of one overdue invoice. Its statuses and
// which changes between them make sense, the dunning actions staff record on it, and
// the age brackets overdue debt is reported in. Pure rules, no clock: the caller passes
// the days past due.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace isp {

enum class CaseStatus { Open, InProgress, PromiseToPay, Closed };

inline constexpr std::array all_case_statuses = {CaseStatus::Open, CaseStatus::InProgress, CaseStatus::PromiseToPay,
                                                 CaseStatus::Closed};

std::string_view to_string(CaseStatus status); // "open", "in_progress", "promise_to_pay", "closed"
std::optional<CaseStatus> parse_case_status(std::string_view text);

// The reason a case closes itself when its invoice is settled. Staff cannot close with
// it: "paid" must mean the money arrived.
inline constexpr std::string_view paid_close_reason = "paid";

// Why a status change is impossible; nullopt when it is allowed.
//   ClosedByPayment  the case closed because the invoice was paid: nothing left to recover
//   InvoiceSettled   reopening a case (closed by staff) whose invoice has since been paid
// Moving to the status a case already has is allowed (PUT is idempotent) and changes nothing.
enum class CaseTransitionRefusal { ClosedByPayment, InvoiceSettled };
std::optional<CaseTransitionRefusal> check_case_transition(CaseStatus from, bool closed_by_payment, CaseStatus to,
                                                           std::int64_t outstanding_minor);

// Staff record calls, SMS, e-mails, letters and notes; the server's dunning
// (dunning_policy.h) records the reminders it sends, the suspension and the resume.
enum class CollectionActionKind { Call, Sms, Email, Letter, Note, Reminder, Suspension, Resume };

inline constexpr std::array all_collection_action_kinds = {
    CollectionActionKind::Call,       CollectionActionKind::Sms,   CollectionActionKind::Email,
    CollectionActionKind::Letter,     CollectionActionKind::Note,  CollectionActionKind::Reminder,
    CollectionActionKind::Suspension, CollectionActionKind::Resume};

// "call", "sms", "email", "letter", "note", "reminder", "suspension", "resume"
std::string_view to_string(CollectionActionKind kind);
std::optional<CollectionActionKind> parse_collection_action_kind(std::string_view text);
// False for the kinds only the server records.
bool recorded_by_staff(CollectionActionKind kind);

inline constexpr std::size_t max_collection_note_chars = 2000;

// Overdue debt by how long it has been due: 1-30, 31-60, 61-90 and over 90 days past due.
struct AgeingBucket {
    std::string_view name; // "1_30", "31_60", "61_90", "over_90"
    std::int64_t min_days;
    std::optional<std::int64_t> max_days; // inclusive; none for the last bucket
};
inline constexpr std::array<AgeingBucket, 4> ageing_buckets = {
    AgeingBucket{"1_30", 1, 30}, AgeingBucket{"31_60", 31, 60}, AgeingBucket{"61_90", 61, 90},
    AgeingBucket{"over_90", 91, std::nullopt}};
// Index into ageing_buckets; nullopt when not overdue (0 days or fewer past due).
std::optional<std::size_t> ageing_bucket_of(std::int64_t days_past_due);

} // namespace isp
