#include "server/services/collection_cases.h"

#include <algorithm>

#include "server/clock/clock.h"
#include "server/services/failure.h"
#include "server/services/service_context.h"
#include "server/store/collection_store.h"
#include "server/store/database.h"
#include "shared/domain/text.h"

namespace isp::services {
namespace {

nlohmann::json money_json(const Money& m) {
    return {{"amount_minor", m.amount_minor}, {"currency", m.currency}};
}

nlohmann::json optional_json(const std::optional<std::string>& s) {
    return s ? nlohmann::json(*s) : nlohmann::json(nullptr);
}

Failure case_not_found(const std::string& id) {
    return Failure(FailureKind::NotFound, "case_not_found", "No collection case " + id + ".");
}

// When a write on a case happens: the day its overdue days count to, and the timestamp.
struct CaseWriteTime {
    Date today;
    std::string now;
};

// Runs `change(connection, the case, time)` in one write transaction, once the cases of
// invoices fallen overdue are open; 404 when there is no case `case_id`.
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

} // namespace

void open_overdue_cases(ServiceContext& context) {
    const Date today = context.clock.today_utc();
    if (!context.db.read([&](store::Connection& c) { return store::has_overdue_invoice_without_case(c, today); }))
        return;
    context.db.write(
        [&](store::Connection& c) { store::open_cases_for_overdue_invoices(c, today, context.clock.now_iso()); });
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

nlohmann::json to_json(const CollectionsOverview& o) {
    nlohmann::json ageing = nlohmann::json::array();
    for (std::size_t i = 0; i < ageing_buckets.size(); ++i) {
        const auto& b = ageing_buckets[i];
        ageing.push_back({{"bucket", std::string(b.name)},
                          {"min_days", b.min_days},
                          {"max_days", b.max_days ? nlohmann::json(*b.max_days) : nlohmann::json(nullptr)},
                          {"amount", money_json(o.ageing[i].amount)},
                          {"invoice_count", o.ageing[i].invoice_count}});
    }
    nlohmann::json by_status = nlohmann::json::object();
    std::int64_t not_closed = 0;
    for (std::size_t i = 0; i < all_case_statuses.size(); ++i) {
        by_status[std::string(to_string(all_case_statuses[i]))] = o.cases_by_status[i];
        if (all_case_statuses[i] != CaseStatus::Closed)
            not_closed += o.cases_by_status[i];
    }
    return {{"as_of", o.as_of.to_iso()},
            {"currency", o.currency},
            {"outstanding_total", money_json(o.outstanding)},
            {"outstanding_invoice_count", o.outstanding_count},
            {"overdue_total", money_json(o.overdue)},
            {"overdue_invoice_count", o.overdue_count},
            {"ageing", std::move(ageing)},
            {"open_case_count", not_closed},
            {"cases_by_status", std::move(by_status)}};
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

nlohmann::json to_json(const CollectionCase& k) {
    return {{"case_id", k.case_id},
            {"invoice_id", k.invoice_id},
            {"invoice_number", k.invoice_number},
            {"client_id", k.client_id},
            {"client_name", k.client_name},
            {"status", std::string(to_string(k.status))},
            {"opened_on", k.opened_on},
            {"closed_on", optional_json(k.closed_on)},
            {"close_reason", optional_json(k.close_reason)},
            {"due_date", k.due_date},
            {"days_overdue", k.days_overdue},
            {"invoice_total", money_json(k.invoice_total)},
            {"outstanding", money_json(k.outstanding)},
            {"action_count", k.action_count},
            {"last_action_at", optional_json(k.last_action_at)},
            {"created_at", k.created_at},
            {"updated_at", k.updated_at}};
}

StatusChange case_status_change_from_body(const nlohmann::json& body) {
    FieldErrors errors;
    StatusChange change;
    const auto s = body.find("status");
    if (s == body.end() || !s->is_string() || !parse_case_status(s->get<std::string>()))
        errors.push_back(
            {"status", "invalid_status", "status must be one of open, in_progress, promise_to_pay, closed."});
    else
        change.status = *parse_case_status(s->get<std::string>());

    if (const auto r = body.find("reason"); r != body.end() && !r->is_null()) {
        const std::string text = r->is_string() ? std::string(trim(r->get<std::string>())) : std::string();
        if (!r->is_string() || text.empty() || utf8_length(text) > max_close_reason_chars || !is_clean_utf8_line(text))
            errors.push_back({"reason", "invalid_length", "reason must be one line of text of 1 to 200 characters."});
        else if (text == paid_close_reason)
            errors.push_back({"reason", "reserved_reason",
                              "\"paid\" is the reason a case closes itself when its invoice is paid; record the "
                              "payment instead."});
        else
            change.reason = text;
    }
    if (change.status == CaseStatus::Closed && !change.reason &&
        std::none_of(errors.begin(), errors.end(), [](const FieldError& e) { return e.field == "reason"; }))
        errors.push_back({"reason", "required",
                          "reason is required to close a case (for example: written off, "
                          "disputed, handed to an agency)."});
    if (!errors.empty())
        throw Failure(FailureKind::Invalid, "validation_failed", "The status change has invalid fields; see errors.",
                      std::move(errors));
    return change;
}

CollectionCase change_case_status(ServiceContext& context, const std::string& case_id, const StatusChange& change,
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

NewAction action_from_body(const nlohmann::json& body) {
    FieldErrors errors;
    NewAction a;
    const auto k = body.find("kind");
    if (k == body.end() || !k->is_string() || !parse_collection_action_kind(k->get<std::string>()))
        errors.push_back({"kind", "invalid_kind", "kind must be one of call, sms, email, letter, note."});
    else
        a.kind = *parse_collection_action_kind(k->get<std::string>());

    if (const auto n = body.find("note"); n != body.end() && !n->is_null()) {
        if (!n->is_string() || utf8_length(n->get<std::string>()) > max_collection_note_chars)
            errors.push_back({"note", "invalid_length", "note must be text of at most 2000 characters."});
        else
            a.note = std::string(trim(n->get<std::string>()));
    }
    // Only a note that is known to be a note needs text (a wrong kind is reported alone).
    if (errors.empty() && a.kind == CollectionActionKind::Note && a.note.empty())
        errors.push_back({"note", "required", "A note needs its text (1 to 2000 characters)."});
    if (!errors.empty())
        throw Failure(FailureKind::Invalid, "validation_failed", "The action has invalid fields; see errors.",
                      std::move(errors));
    return a;
}

CollectionAction add_action(ServiceContext& context, const std::string& case_id, const NewAction& action,
                            const std::string& actor) {
    return write_case(
        context, case_id, [&](store::Connection& c, const CollectionCase& current, const CaseWriteTime& at) {
            if (current.status == CaseStatus::Closed && action.kind != CollectionActionKind::Note)
                throw Failure(FailureKind::Conflict, "case_closed",
                              "Case " + case_id + " is closed: no more " + std::string(to_string(action.kind)) +
                                  " to the client. A note can still be added.");
            return store::insert_action(c, {0, case_id, action.kind, action.note, actor, at.now});
        });
}

Page<CollectionAction> list_actions(ServiceContext& context, const std::string& case_id, std::int64_t limit,
                                    std::int64_t offset) {
    get_case(context, case_id);
    return context.db.read([&](store::Connection& c) {
        return Page<CollectionAction>{store::count_actions(c, case_id), store::list_actions(c, case_id, limit, offset)};
    });
}

nlohmann::json to_json(const CollectionAction& a) {
    return {{"action_id", a.action_id}, {"case_id", a.case_id}, {"kind", std::string(to_string(a.kind))},
            {"note", a.note},           {"actor", a.actor},     {"at", a.at}};
}

} // namespace isp::services
