#include "shared/wire/collection_case_json.h"

#include <algorithm>

#include "shared/domain/text.h"
#include "shared/wire/json_reader.h"
#include "shared/wire/money_json.h"
#include "shared/wire/optional_json.h"

namespace isp::wire {
namespace {

template <class T, class Parse> T enum_at(const nlohmann::json& j, const char* key, Parse parse) {
    const auto value = parse(j.at(key).get<std::string>());
    if (!value)
        throw nlohmann::json::other_error::create(501, std::string("unknown ") + key, &j);
    return *value;
}

} // namespace

nlohmann::json to_json(const CollectionsOverview& o) {
    nlohmann::json ageing = nlohmann::json::array();
    for (std::size_t i = 0; i < ageing_buckets.size(); ++i) {
        const auto& b = ageing_buckets[i];
        ageing.push_back({{"bucket", std::string(b.name)},
                          {"min_days", b.min_days},
                          {"max_days", b.max_days ? nlohmann::json(*b.max_days) : nlohmann::json(nullptr)},
                          {"amount", to_json(o.ageing[i].amount)},
                          {"invoice_count", o.ageing[i].invoice_count}});
    }
    nlohmann::json by_status = nlohmann::json::object();
    std::int64_t not_closed = 0;
    for (std::size_t i = 0; i < all_case_statuses.size() && i < o.cases_by_status.size(); ++i) {
        by_status[std::string(to_string(all_case_statuses[i]))] = o.cases_by_status[i];
        if (all_case_statuses[i] != CaseStatus::Closed)
            not_closed += o.cases_by_status[i];
    }
    return {{"as_of", o.as_of.to_iso()},
            {"currency", o.currency},
            {"outstanding_total", to_json(o.outstanding)},
            {"outstanding_invoice_count", o.outstanding_count},
            {"overdue_total", to_json(o.overdue)},
            {"overdue_invoice_count", o.overdue_count},
            {"ageing", std::move(ageing)},
            {"open_case_count", not_closed},
            {"cases_by_status", std::move(by_status)}};
}

CollectionsOverview collections_overview_from_json(const nlohmann::json& j) {
    CollectionsOverview o;
    const auto as_of = parse_iso_date(j.at("as_of").get<std::string>());
    if (!as_of)
        throw nlohmann::json::other_error::create(501, "as_of is not a date", &j);
    o.as_of = *as_of;
    o.currency = j.at("currency").get<std::string>();
    o.outstanding = money_from_json(j.at("outstanding_total"));
    o.outstanding_count = integer_value<std::int64_t>(j.at("outstanding_invoice_count"));
    o.overdue = money_from_json(j.at("overdue_total"));
    o.overdue_count = integer_value<std::int64_t>(j.at("overdue_invoice_count"));
    // Brackets by name, so a reader does not depend on the writer's order.
    for (const auto& bracket : j.at("ageing")) {
        const std::string name = bracket.at("bucket").get<std::string>();
        const auto it = std::find_if(ageing_buckets.begin(), ageing_buckets.end(),
                                     [&name](const AgeingBucket& b) { return b.name == name; });
        if (it == ageing_buckets.end())
            throw nlohmann::json::other_error::create(501, "unknown ageing bucket " + name, &j);
        auto& figure = o.ageing[static_cast<std::size_t>(it - ageing_buckets.begin())];
        figure.amount = money_from_json(bracket.at("amount"));
        figure.invoice_count = integer_value<std::int64_t>(bracket.at("invoice_count"));
    }
    const auto& by_status = j.at("cases_by_status");
    for (const CaseStatus s : all_case_statuses)
        o.cases_by_status.push_back(integer_or<std::int64_t>(by_status, std::string(to_string(s)).c_str(), 0));
    return o;
}

nlohmann::json to_json(const CollectionCase& k) {
    return {{"case_id", k.case_id},
            {"invoice_id", k.invoice_id},
            {"invoice_number", k.invoice_number},
            {"client_id", k.client_id},
            {"client_name", k.client_name},
            {"status", std::string(to_string(k.status))},
            {"opened_on", k.opened_on},
            {"closed_on", or_null(k.closed_on)},
            {"close_reason", or_null(k.close_reason)},
            {"due_date", k.due_date},
            {"days_overdue", k.days_overdue},
            {"invoice_total", to_json(k.invoice_total)},
            {"outstanding", to_json(k.outstanding)},
            {"action_count", k.action_count},
            {"last_action_at", or_null(k.last_action_at)},
            {"created_at", k.created_at},
            {"updated_at", k.updated_at}};
}

CollectionCase collection_case_from_json(const nlohmann::json& j) {
    CollectionCase k;
    k.case_id = j.at("case_id").get<std::string>();
    k.invoice_id = j.at("invoice_id").get<std::string>();
    k.invoice_number = j.at("invoice_number").get<std::string>();
    k.client_id = j.at("client_id").get<std::string>();
    k.client_name = j.at("client_name").get<std::string>();
    k.status = enum_at<CaseStatus>(j, "status", [](std::string_view t) { return parse_case_status(t); });
    k.opened_on = j.at("opened_on").get<std::string>();
    k.closed_on = null_or<std::string>(j, "closed_on");
    k.close_reason = null_or<std::string>(j, "close_reason");
    k.due_date = j.at("due_date").get<std::string>();
    k.days_overdue = integer_value<std::int64_t>(j.at("days_overdue"));
    k.invoice_total = money_from_json(j.at("invoice_total"));
    k.outstanding = money_from_json(j.at("outstanding"));
    k.action_count = integer_value<std::int64_t>(j.at("action_count"));
    k.last_action_at = null_or<std::string>(j, "last_action_at");
    k.created_at = j.at("created_at").get<std::string>();
    k.updated_at = j.at("updated_at").get<std::string>();
    return k;
}

nlohmann::json to_json(const CollectionAction& a) {
    return {{"action_id", a.action_id}, {"case_id", a.case_id}, {"kind", std::string(to_string(a.kind))},
            {"note", a.note},           {"actor", a.actor},     {"at", a.at}};
}

CollectionAction collection_action_from_json(const nlohmann::json& j) {
    CollectionAction a;
    a.action_id = integer_value<std::int64_t>(j.at("action_id"));
    a.case_id = j.at("case_id").get<std::string>();
    a.kind =
        enum_at<CollectionActionKind>(j, "kind", [](std::string_view t) { return parse_collection_action_kind(t); });
    a.note = j.at("note").get<std::string>();
    a.actor = j.at("actor").get<std::string>();
    a.at = j.at("at").get<std::string>();
    return a;
}

nlohmann::json to_json(const CaseStatusChange& change) {
    nlohmann::json j{{"status", std::string(to_string(change.status))}};
    if (change.reason)
        j["reason"] = *change.reason;
    return j;
}

CaseStatusChange case_status_change_from_json(const nlohmann::json& body, FieldErrors& out) {
    FieldErrors errors;
    CaseStatusChange change;
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
    out.insert(out.end(), errors.begin(), errors.end());
    return change;
}

nlohmann::json to_json(const NewCollectionAction& action) {
    return {{"kind", std::string(to_string(action.kind))}, {"note", action.note}};
}

NewCollectionAction new_collection_action_from_json(const nlohmann::json& body, FieldErrors& out) {
    FieldErrors errors;
    NewCollectionAction a;
    const auto k = body.find("kind");
    const auto kind =
        k != body.end() && k->is_string() ? parse_collection_action_kind(k->get<std::string>()) : std::nullopt;
    if (!kind)
        errors.push_back({"kind", "invalid_kind", "kind must be one of call, sms, email, letter, note."});
    else if (!recorded_by_staff(*kind))
        errors.push_back({"kind", "recorded_by_server",
                          "reminder, suspension and resume are recorded by the server's dunning when it acts; "
                          "record a call, sms, email, letter or note."});
    else
        a.kind = *kind;

    if (const auto n = body.find("note"); n != body.end() && !n->is_null()) {
        if (!n->is_string() || utf8_length(n->get<std::string>()) > max_collection_note_chars)
            errors.push_back({"note", "invalid_length", "note must be text of at most 2000 characters."});
        else
            a.note = std::string(trim(n->get<std::string>()));
    }
    // Only a note that is known to be a note needs text (a wrong kind is reported alone).
    if (errors.empty() && a.kind == CollectionActionKind::Note && a.note.empty())
        errors.push_back({"note", "required", "A note needs its text (1 to 2000 characters)."});
    out.insert(out.end(), errors.begin(), errors.end());
    return a;
}

} // namespace isp::wire
