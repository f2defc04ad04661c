#include "server/services/collection_cases.h"

#include "server/clock/clock.h"
#include "server/config/server_config.h"
#include "server/services/failure.h"
#include "server/services/service_context.h"
#include "server/store/collection_store.h"
#include "server/store/database.h"
#include "shared/domain/text.h"

namespace isp::services {
namespace {

Failure case_not_found(const std::string& id) {
    return Failure(FailureKind::NotFound, "case_not_found", "No collection case " + id + ".");
}

// When a write on a case happens: the day its overdue days count to, and the timestamp.
struct CaseWriteTime {
    Date today;
    std::string now;
};

// Runs `change(connection, the case, time)` in the write transaction of `c`, once the cases
// of invoices fallen overdue are open; 404 when there is no case `case_id`.
template <class Change>
auto change_case(store::Connection& c, ServiceContext& context, const std::string& case_id, Change change) {
    const CaseWriteTime at{context.clock.today_utc(), context.clock.now_iso()};
    const int grace = context.config.dunning.grace_days;
    if (store::has_overdue_invoice_without_case(c, at.today, grace))
        store::open_cases_for_overdue_invoices(c, at.today, grace, at.now);
    const auto current = store::find_case(c, case_id, at.today);
    if (!current)
        throw case_not_found(case_id);
    return change(c, *current, at);
}

// The same in a write transaction of its own (the opening of cases in one before it, only
// when there is something to open).
template <class Change> auto write_case(ServiceContext& context, const std::string& case_id, Change change) {
    open_overdue_cases(context);
    const CaseWriteTime at{context.clock.today_utc(), context.clock.now_iso()};
    return context.db.write([&](store::Connection& c) {
        const auto current = store::find_case(c, case_id, at.today);
        if (!current)
            throw case_not_found(case_id);
        return change(c, *current, at);
    });
}

// A dunning action or a note on a case; 409 case_closed for anything but a note on a closed case.
CollectionAction insert_case_action(store::Connection& c, const CollectionCase& current,
                                    const NewCollectionAction& action, const std::string& actor,
                                    const CaseWriteTime& at) {
    if (current.status == CaseStatus::Closed && action.kind != CollectionActionKind::Note)
        throw Failure(FailureKind::Conflict, "case_closed",
                      "Case " + current.case_id + " is closed: no more " + std::string(to_string(action.kind)) +
                          " to the client. A note can still be added.");
    return store::insert_action(c, {0, current.case_id, action.kind, action.note, actor, at.now});
}

} // namespace

void open_overdue_cases(ServiceContext& context) {
    const Date today = context.clock.today_utc();
    const int grace = context.config.dunning.grace_days;
    if (!context.db.read(
            [&](store::Connection& c) { return store::has_overdue_invoice_without_case(c, today, grace); }))
        return;
    context.db.write([&](store::Connection& c) {
        store::open_cases_for_overdue_invoices(c, today, grace, context.clock.now_iso());
    });
}

CollectionsOverview overview(ServiceContext& context, const std::string& currency) {
    open_overdue_cases(context);
    CollectionsOverview o;
    o.as_of = context.clock.today_utc();
    o.currency = currency;
    const auto [figures, cases] = context.db.read([&](store::Connection& c) {
        return std::pair(store::receivables(c, currency, o.as_of), store::count_cases_by_status(c));
    });
    o.outstanding = Money{figures.outstanding_minor, currency};
    o.outstanding_count = figures.outstanding_count;
    o.overdue = Money{0, currency};
    for (auto& a : o.ageing)
        a.amount = Money{0, currency};
    for (const auto& row : figures.overdue) {
        o.overdue.amount_minor += row.amount_minor;
        o.overdue_count += row.invoice_count;
        if (const auto bucket = ageing_bucket_of(row.days_past_due)) {
            o.ageing[*bucket].amount.amount_minor += row.amount_minor;
            o.ageing[*bucket].invoice_count += row.invoice_count;
        }
    }
    o.cases_by_status = cases;
    return o;
}

CollectionCase get_case(ServiceContext& context, const std::string& case_id) {
    open_overdue_cases(context);
    const Date today = context.clock.today_utc();
    auto found = context.db.read([&](store::Connection& c) { return store::find_case(c, case_id, today); });
    if (!found)
        throw case_not_found(case_id);
    return *found;
}

Page<CollectionCase> list_cases(ServiceContext& context, const CaseFilter& filter, std::int64_t limit,
                                std::int64_t offset) {
    open_overdue_cases(context);
    const Date today = context.clock.today_utc();
    return context.db.read([&](store::Connection& c) {
        return Page<CollectionCase>{store::count_cases(c, filter, today),
                                    store::list_cases(c, filter, today, limit, offset)};
    });
}

CollectionCase change_case_status(ServiceContext& context, const std::string& case_id, const CaseStatusChange& change,
                                  const std::string& actor) {
    return write_case(
        context, case_id,
        [&](store::Connection& c, const CollectionCase& current, const CaseWriteTime& at) -> CollectionCase {
            const bool closed_by_payment =
                current.status == CaseStatus::Closed && current.close_reason.value_or("") == paid_close_reason;
            if (closed_by_payment && change.status == CaseStatus::Closed)
                return current; // already closed, for the best of reasons
            if (const auto refusal = check_case_transition(current.status, closed_by_payment, change.status,
                                                           current.outstanding.amount_minor)) {
                if (*refusal == CaseTransitionRefusal::ClosedByPayment)
                    throw Failure(FailureKind::Conflict, "case_closed_by_payment",
                                  "Case " + case_id + " closed because invoice " + current.invoice_number +
                                      " was paid; it cannot change status.");
                throw Failure(FailureKind::Conflict, "case_invoice_settled",
                              "Invoice " + current.invoice_number + " of case " + case_id +
                                  " has been paid since the case was closed; there is nothing to recover.");
            }
            // PUT is idempotent: the same status again (with the same reason, to close) changes nothing.
            if (current.status == change.status &&
                (change.status != CaseStatus::Closed || current.close_reason == change.reason))
                return current;
            const bool closing = change.status == CaseStatus::Closed;
            store::update_case_status(c, case_id, change.status,
                                      closing ? std::optional<std::string>(at.today.to_iso()) : std::nullopt,
                                      closing ? change.reason : std::nullopt, at.now);
            // The history of a case is its actions: a status change is kept there as a note.
            std::string note =
                "Status " + std::string(to_string(current.status)) + " -> " + std::string(to_string(change.status));
            if (change.reason)
                note += ": " + *change.reason;
            store::insert_action(c, {0, case_id, CollectionActionKind::Note, note, actor, at.now});
            return *store::find_case(c, case_id, at.today);
        });
}

CollectionAction add_action(ServiceContext& context, const std::string& case_id, const NewCollectionAction& action,
                            const std::string& actor) {
    return write_case(context, case_id,
                      [&](store::Connection& c, const CollectionCase& current, const CaseWriteTime& at) {
                          return insert_case_action(c, current, action, actor, at);
                      });
}

CollectionAction add_action(store::Connection& c, ServiceContext& context, const std::string& case_id,
                            const NewCollectionAction& action, const std::string& actor) {
    return change_case(c, context, case_id,
                       [&](store::Connection& w, const CollectionCase& current, const CaseWriteTime& at) {
                           return insert_case_action(w, current, action, actor, at);
                       });
}

Page<CollectionAction> list_actions(ServiceContext& context, const std::string& case_id, std::int64_t limit,
                                    std::int64_t offset) {
    get_case(context, case_id);
    return context.db.read([&](store::Connection& c) {
        return Page<CollectionAction>{store::count_actions(c, case_id), store::list_actions(c, case_id, limit, offset)};
    });
}

} // namespace isp::services
